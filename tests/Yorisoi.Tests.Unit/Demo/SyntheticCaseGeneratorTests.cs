using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Demo;

namespace Yorisoi.Tests.Unit.Demo;

public sealed class SyntheticCaseGeneratorTests
{
    private static readonly CodeListVersion Codes = CodeListCatalog.LoadEmbedded().Current;
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateTimeOffset From = new(2025, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));

    private static readonly GeneratorCenter[] Centers =
    [
        new(new Guid("00000000-0000-0000-0000-000000000001"), "13000", "13000", ["13101", "13102"], 3),
        new(new Guid("00000000-0000-0000-0000-000000000002"), "14100", "14000", ["14100"], 1),
    ];

    [Fact]
    public void TheSameSeedGivesTheSameCases()
    {
        var first = Generate(seed: 42, count: 200).Select(Fingerprint).ToList();
        var second = Generate(seed: 42, count: 200).Select(Fingerprint).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void ADifferentSeedGivesDifferentCases()
    {
        var first = Generate(seed: 42, count: 50).Select(Fingerprint).ToList();
        var other = Generate(seed: 43, count: 50).Select(Fingerprint).ToList();

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void NarrativesAreJapaneseAndBetween200And600Characters()
    {
        foreach (var c in Generate(seed: 7, count: 500))
        {
            Assert.InRange(c.Summary.Length, 200, 600);
            Assert.Matches(@"\p{IsHiragana}", c.Summary);
            Assert.DoesNotContain("{", c.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NarrativesVaryFromCaseToCase()
    {
        var summaries = Generate(seed: 7, count: 300).Select(c => c.Summary).ToList();

        Assert.True(summaries.Distinct(StringComparer.Ordinal).Count() > 250);
    }

    [Fact]
    public void EveryCodeOnAGeneratedCaseIsValidInItsList()
    {
        foreach (var c in Generate(seed: 11, count: 500))
        {
            Assert.True(Codes.IsValid(CodeListNames.Product, c.ProductCode, leafOnly: true), c.ProductCode);
            Assert.True(Codes.IsValid(CodeListNames.SalesForm, c.SalesFormCode), c.SalesFormCode);
            Assert.True(Codes.IsValid(CodeListNames.Channel, c.ChannelCode), c.ChannelCode);
            Assert.True(c.PaymentMethodCode is null || Codes.IsValid(CodeListNames.PaymentMethod, c.PaymentMethodCode), c.PaymentMethodCode);
            Assert.True(c.ConsumerRequestCode is null || Codes.IsValid(CodeListNames.ConsumerRequest, c.ConsumerRequestCode), c.ConsumerRequestCode);
            Assert.True(c.ResultCode is null || Codes.IsValid(CodeListNames.Result, c.ResultCode), c.ResultCode);
            Assert.True(Codes.IsValid(CodeListNames.Harm, c.HarmCode), c.HarmCode);
            Assert.True(Codes.IsValid(CodeListNames.Relationship, c.RelationshipCode), c.RelationshipCode);
            Assert.True(Codes.IsValid(CodeListNames.AgeBand, c.ContractParty.AgeBandCode), c.ContractParty.AgeBandCode);
            Assert.True(Codes.IsValid(CodeListNames.Gender, c.ContractParty.GenderCode), c.ContractParty.GenderCode);
            Assert.True(Codes.IsValid(CodeListNames.Occupation, c.ContractParty.OccupationCode), c.ContractParty.OccupationCode);
            Assert.NotEmpty(c.Keywords);
            Assert.All(c.Keywords, k => Assert.True(Codes.IsValid(CodeListNames.Keyword, k.Code), k.Code));
            Assert.All(c.HandlingLog, e => Assert.True(Codes.IsValid(CodeListNames.HandlingMethod, e.MethodCode) && Codes.IsValid(CodeListNames.Counterpart, e.CounterpartCode)));
            Assert.Equal(Codes.Version, c.CodeListVersion);
        }
    }

    [Fact]
    public void GeneratedCasesAreConsistentRecords()
    {
        foreach (var c in Generate(seed: 5, count: 500))
        {
            Assert.Contains(Centers, center => center.Id == c.CenterId);
            Assert.InRange(c.ReceivedAt, From, Now);
            Assert.InRange(FiscalYear.ToJapanTime(c.ReceivedAt).Hour, 9, 17);
            if (c.ContractAmount is null)
            {
                // Fictitious bills (架空請求 and the like): money demanded, no contract.
                Assert.True(c.AmountBilled > 0);
                Assert.Null(c.ContractDate);
                Assert.True(c.AmountPaid >= 0 && c.AmountPaid <= c.AmountBilled);
            }
            else
            {
                Assert.True(c.ContractAmount >= 0 && c.AmountPaid >= 0 && c.AmountPaid <= c.ContractAmount);
                Assert.True(c.ContractDate < DateOnly.FromDateTime(FiscalYear.ToJapanTime(c.ReceivedAt).DateTime));
            }

            Assert.True(c.UpdatedAt <= Now);
            Assert.Equal(c.Status == CaseStatus.Completed, c.ApprovedAt is not null);
            Assert.Equal(c.Status != CaseStatus.Received, c.HandlingLog.Count > 0);
            var municipality = Centers.Single(x => x.Id == c.CenterId).MunicipalityCodes;
            Assert.Contains(c.ContractParty.MunicipalityCode, municipality);
            if (c.RelationshipCode == RelationshipCodes.Self)
            {
                Assert.Equal(c.ContractParty.Phone, c.Consultant.Phone);
            }
        }
    }

    [Fact]
    public void CentersReceiveCasesRoughlyByWeight()
    {
        var cases = Generate(seed: 3, count: 2000);
        var share = cases.Count(c => c.CenterId == Centers[0].Id) / (double)cases.Count;

        Assert.InRange(share, 0.70, 0.80);
    }

    [Fact]
    public void AllStatusesAppearAndOldCasesAreCompleted()
    {
        var cases = Generate(seed: 9, count: 1000);

        Assert.Equal(Enum.GetValues<CaseStatus>().ToHashSet(), cases.Select(c => c.Status).ToHashSet());
        Assert.All(cases.Where(c => (Now - c.ReceivedAt).TotalDays > 45), c => Assert.Equal(CaseStatus.Completed, c.Status));
    }

    private static List<Case> Generate(int seed, int count)
    {
        var generator = new SyntheticCaseGenerator(Codes, Centers, seed);
        Assert.True(generator.ScenarioCount > 10);
        return Enumerable.Range(0, count).Select(_ => generator.Next(From, Now, Now)).ToList();
    }

    private static string Fingerprint(Case c) => string.Join('|',
        c.CenterId, c.ReceivedAt.UtcTicks, c.Summary, c.ProductCode, c.SalesFormCode, c.ChannelCode, c.ContractAmount, c.AmountPaid,
        c.Status, c.Consultant.Name, c.ContractParty.Phone, c.Business.Name, string.Join(',', c.Keywords.Select(k => k.Code)), c.HandlingLog.Count);
}
