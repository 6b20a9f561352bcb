using Yorisoi.Core.Assistance.Rules;

namespace Yorisoi.Tests.Unit.Assistance.Rules;

internal static class RuleAssert
{
    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static RuleSuggestion Only(CaseFacts facts, string id)
    {
        var found = ApplicableRules.Evaluate(facts).Where(s => s.Id == id).ToList();
        Assert.True(found.Count == 1, $"Expected one suggestion {id}, found {found.Count} among: {string.Join(", ", ApplicableRules.Evaluate(facts).Select(s => s.Id))}");
        return found[0];
    }

    public static void Absent(CaseFacts facts, string id) =>
        Assert.DoesNotContain(ApplicableRules.Evaluate(facts), s => s.Id == id);
}
