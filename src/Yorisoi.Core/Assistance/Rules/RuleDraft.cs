using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Assistance.Rules;

/// <summary>A suggestion being assembled: what the case shows, what it does not yet, the facts used and the notes.</summary>
internal sealed class RuleDraft(string id, string title, string law, string condition, params string[] faqIds)
{
    private readonly List<string> _faqIds = [.. faqIds];

    public List<string> Met { get; } = [];

    public List<string> Unconfirmed { get; } = [];

    public List<string> Notes { get; } = [];

    public List<string> Facts { get; } = [];

    public void LinkFaq(string faqId)
    {
        if (!_faqIds.Contains(faqId, StringComparer.Ordinal))
        {
            _faqIds.Add(faqId);
        }
    }

    public RuleSuggestion Build(RuleStatus status, DateOnly? deadline, DateOnly today, TerminationSettlement? settlement = null) =>
        new(
            id,
            title,
            law,
            status,
            condition,
            [.. Met],
            [.. Unconfirmed],
            deadline,
            deadline is { } last ? LegalPeriods.DaysLeft(today, last) : null,
            string.Join(AssistanceText.Get("Format.ListSeparator"), Facts),
            [.. Notes],
            [.. _faqIds],
            settlement);
}
