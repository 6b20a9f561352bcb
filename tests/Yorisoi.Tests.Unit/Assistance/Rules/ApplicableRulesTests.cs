using System.Text.RegularExpressions;
using System.Xml.Linq;
using Yorisoi.Core.Assistance.Rules;
using Yorisoi.Core.Cases;
using static Yorisoi.Tests.Unit.Assistance.Rules.RuleAssert;

namespace Yorisoi.Tests.Unit.Assistance.Rules;

public sealed partial class ApplicableRulesTests
{
    [Fact]
    public void FactsComeFromTheCaseRecordAndNothingElseIsAssumed()
    {
        var c = new Case
        {
            SalesFormCode = "S2",
            ProductCode = "0301",
            Keywords = [new CaseKeyword { Code = "K0105" }],
            ContractDate = D("2026-10-30"),
            DocumentReceivedDate = D("2026-11-01"),
            ContractAmount = 300_000,
            AmountPaid = 100_000,
            PaymentMethodCode = "P05",
            ContractParty = new Party { AgeBandCode = "A7", Name = "山田花子" },
            Summary = "布団を買った。",
        };

        var facts = CaseFacts.From(c, D("2026-11-05"));

        Assert.Equal("S2", facts.SalesFormCode);
        Assert.Contains("K0105", facts.KeywordCodes);
        Assert.Equal(D("2026-11-01"), facts.DocumentReceivedDate);
        Assert.Equal("A7", facts.AgeBandCode);
        Assert.Equal("布団を買った。", facts.Narrative);
        Assert.Null(facts.DocumentDefective);
        Assert.Null(facts.AgeAtContract);
        Assert.Null(facts.GoodsReceivedDate);
    }

    [Fact]
    public void OpenRulesComeFirstByDeadlineThenExpiredThenExclusions()
    {
        var facts = new CaseFacts
        {
            Today = D("2026-11-05"),
            SalesFormCode = "S2",
            ProductCode = "0201",
            ContractDate = D("2025-11-05"),
            DocumentReceivedDate = D("2026-11-01"),
            KeywordCodes = new HashSet<string> { "K0213", "K0103" },
            AgeAtContract = 45,
        };

        var ids = ApplicableRules.Evaluate(facts).Select(s => s.Id).ToList();

        // 過量販売 ends 2026-11-05, cooling-off 2026-11-08, the consumer contract act 2030; 不当条項 has no deadline.
        Assert.Equal(["kaaryou.houmon-hanbai", "cooling-off.houmon-hanbai", "shokeiho.karyou-keiyaku", "futou-jouko.kaiyakuryo"], ids);
    }

    [Fact]
    public void EveryLinkedFaqEntryExists()
    {
        var entries = typeof(ApplicableRules).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Knowledge/Data/faq/", StringComparison.Ordinal))
            .Select(n => n["Knowledge/Data/faq/".Length..^".md".Length])
            .ToHashSet(StringComparer.Ordinal);
        var linked = Scenarios().SelectMany(ApplicableRules.Evaluate).SelectMany(s => s.FaqIds).ToHashSet(StringComparer.Ordinal);

        Assert.True(linked.Count > 25, $"Only {linked.Count} entries linked by the scenarios.");
        Assert.DoesNotContain(linked, id => !entries.Contains(id));
    }

    [Fact]
    public void EveryPublicEntryComesBeforeTheInternalOne()
    {
        foreach (var suggestion in Scenarios().SelectMany(ApplicableRules.Evaluate))
        {
            Assert.False(suggestion.FaqIds[0].StartsWith("int-", StringComparison.Ordinal), suggestion.Id);
        }
    }

    [Fact]
    public void NoSuggestionShowsAResourceKeyOrAnEmptyText()
    {
        var keyLike = ResourceKey();
        foreach (var s in Scenarios().SelectMany(ApplicableRules.Evaluate))
        {
            string[] texts = [s.Title, s.Law, s.Condition, s.Reason, .. s.Met, .. s.Unconfirmed, .. s.Notes];
            Assert.All(texts, t => Assert.False(keyLike.IsMatch(t), $"{s.Id}: {t}"));
            Assert.False(string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Condition) || string.IsNullOrWhiteSpace(s.Law), s.Id);
        }
    }

    [Fact]
    public void EveryKeyTheRulesUseExistsInTheResourceFileAndEveryEntryIsUsed()
    {
        var root = RepositoryRoot();
        var resx = XDocument.Load(Path.Combine(root, "src", "Yorisoi.Core", "Resources", "AssistanceRules.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src", "Yorisoi.Core", "Assistance", "Rules"), "*.cs", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "src", "Yorisoi.Core", "Resources", "AssistanceText.cs"))
            .Select(File.ReadAllText);
        var used = sources.SelectMany(text => QuotedKey().Matches(text).Select(m => m.Groups[1].Value))
            .Where(k => !k.StartsWith("Yorisoi.", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Where(k => !resx.Contains(k)).Order(StringComparer.Ordinal));
        Assert.Empty(resx.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal));
    }

    internal static IEnumerable<CaseFacts> Scenarios()
    {
        var today = D("2026-11-05");
        string[] salesForms = ["S1", "S2", "S3", "S4", "S5", "S7", "S8"];
        string[] products = ["0201", "0301", "0801", "2101", "2102", "1901", "1903", "1905", "1907", "2007", "2302", "1602"];
        foreach (var salesForm in salesForms)
        {
            foreach (var product in products)
            {
                yield return new CaseFacts
                {
                    Today = today,
                    SalesFormCode = salesForm,
                    ProductCode = product,
                    ContractDate = D("2026-10-01"),
                    DocumentReceivedDate = D("2026-10-01"),
                    GoodsReceivedDate = D("2026-11-01"),
                    ContractAmount = 300_000,
                    AmountPaid = 300_000,
                    ContractPeriodMonths = 12,
                    ServicesStarted = true,
                    ServicesUsedAmount = 100_000,
                    PaymentMethodCode = "P05",
                    AgeBandCode = "A1",
                    KeywordCodes = new HashSet<string> { "K0105", "K0106", "K0103", "K0213", "K0217", "K0212", "K0802" },
                    Narrative = "必ずもうかる、説明と違う、帰ってくれない、好意、先祖の因縁、次々に買わされた、キャンセル料",
                };
            }
        }

        yield return new CaseFacts { Today = today, SalesFormCode = "S2", ProductCode = "0201", PaymentMethodCode = "P01", ContractAmount = 2_000, DocumentReceivedDate = today };
        yield return new CaseFacts { Today = today, ContractDate = D("2026-10-01"), AgeAtContract = 16, BirthDate = D("2010-01-01"), KeywordCodes = new HashSet<string> { "K0802" } };
        yield return new CaseFacts { Today = today, ContractDate = D("2026-10-01"), AgeAtContract = 16, RepresentativeConsented = true };
        yield return new CaseFacts { Today = today, SalesFormCode = "S3", ProductCode = "0502", ReturnClauseShown = true, GoodsReceivedDate = today };
        yield return new CaseFacts { Today = today, SalesFormCode = "S2", ProductCode = "0301", DocumentReceivedDate = D("2026-10-01"), DocumentDefective = true, PaymentMethodCode = "P04", ContractAmount = 10_000 };
        yield return new CaseFacts { Today = today, SalesFormCode = "S2", ProductCode = "0301", DocumentReceivedDate = D("2026-10-01"), CoolingOffObstructed = true, KeywordCodes = new HashSet<string> { "K0704" } };
        yield return new CaseFacts { Today = today, SalesFormCode = "S1", ProductCode = "1901", ContractAmount = 300_000, ContractPeriodMonths = 12, ServicesStarted = false, AmountPaid = 10_000, AgeBandCode = "A8", Narrative = "一人暮らし" };
        yield return new CaseFacts { Today = today, SalesFormCode = "S1", ProductCode = "1907", ContractAmount = 240_000, ContractPeriodMonths = 12, ServicesStarted = true, ServicesUsedAmount = 20_000, AmountPaid = 240_000 };
        yield return new CaseFacts { Today = today, SalesFormCode = "S1", ProductCode = "2101", ContractAmount = 40_000, ContractPeriodMonths = 1 };
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]+(\.[A-Za-z0-9]+)+$")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"""([A-Z][A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+)""")]
    private static partial Regex QuotedKey();
}
