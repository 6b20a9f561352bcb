using System.Text;
using Yorisoi.Core.Assistance.Checks;
using Yorisoi.Core.Cases;

namespace Yorisoi.Tests.Unit.Assistance;

public sealed class InputChecksTests
{
    private static readonly InputChecks Shipped = InputChecks.LoadEmbedded();

    private static readonly DateTimeOffset Received = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A record every shipped rule accepts: a door-to-door sale, classified, dated, paid and resolved by mediation.</summary>
    private static CaseDetail Clean() => new(
        Guid.NewGuid(), Guid.NewGuid(), "テストセンター", true, "2026-000001", 2026, Received, "C1", "電話", "2021.1", CaseStatus.AwaitingApproval,
        null, null,
        Party("A7", "F", "O5", "13101"), true, "L1", "本人", Party(null, null, null, null),
        "訪問販売で布団を契約した。", new BusinessView("株式会社テスト寝具", null, null, null, null, null),
        "0301", "住居品 > 家具・寝具", "S2", "訪問販売", [new CodeRef("K0105", "クーリングオフ")],
        AmountBilled: 300_000, ContractAmount: 300_000, AmountPaid: 100_000, AmountRelieved: 100_000,
        "P01", "現金一括", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 27),
        "W1", "解約したい", null, "H0", "危害なし", "R3", "あっせん解決",
        false, false, true, Received.AddHours(1), Received.AddHours(2), MediationOutcome.Resolved,
        null, null, null, Received, Received, 1,
        [Log(HandlingLogKind.Handling, "書面の記載を確認した。"), Log(HandlingLogKind.Mediation, "事業者と交渉し返金で合意。")],
        []);

    private static PartyView Party(string? age, string? gender, string? occupation, string? municipality) =>
        new(age, null, gender, null, occupation, null, municipality, null, false);

    private static HandlingLogView Log(HandlingLogKind kind, string text) =>
        new(Guid.NewGuid(), kind, Received, "M1", "電話", "P1", null, null, text, "相談員", Received);

    private static List<string> Ids(CaseDetail c) => [.. Shipped.Check(c).Findings.Select(f => f.RuleId)];

    [Fact]
    public void ACleanRecordHasNoFindingsAndFullMarks()
    {
        var report = Shipped.Check(Clean());

        Assert.Empty(report.Findings);
        Assert.Equal(100, report.Score);
        Assert.Equal(Shipped.Version, report.RulesVersion);
    }

    [Fact]
    public void MissingClassificationAndResultAreErrorsThatLinkToTheirFields()
    {
        var report = Shipped.Check(Clean() with { ProductCode = null, SalesFormCode = null, ResultCode = null, Keywords = [] });

        Assert.Equal(["product-required", "sales-form-required", "result-required", "keyword-required"], report.Findings.Select(f => f.RuleId).Take(4));
        Assert.All(report.Findings.Take(4), f => Assert.Equal(CheckSeverity.Error, f.Severity));
        Assert.Equal("ProductCode", report.Findings[0].Field);
        Assert.Equal("商品・役務分類を入力してください。", report.Findings[0].Message);
        Assert.Equal(100 - (4 * InputChecks.ErrorCost), report.Score);
    }

    [Fact]
    public void TheContractPartysFieldsLinkToTheConsultantWhenTheyAreTheSamePerson()
    {
        var same = Shipped.Check(Clean() with { Consultant = Party(null, "F", "O5", "13101") });
        var other = Shipped.Check(Clean() with { ContractPartyIsConsultant = false, ContractParty = Party(null, "F", "O5", "13101") });

        Assert.Equal("Consultant.AgeBandCode", same.Findings.Single(f => f.RuleId == "age-required").Field);
        Assert.Equal("ContractParty.AgeBandCode", other.Findings.Single(f => f.RuleId == "age-required").Field);
    }

    [Fact]
    public void ACoolingOffKeywordNeedsTheDocumentDateUnlessTheLogSaysNoneWasGiven()
    {
        var missing = Clean() with { DocumentReceivedDate = null, CoolingOffDeadline = null };
        var explained = missing with { HandlingLog = [.. missing.HandlingLog, Log(HandlingLogKind.Handling, "相談者は書面を受け取っていないとのこと。")] };

        Assert.Contains("document-date-for-cooling-off", Ids(missing));
        Assert.DoesNotContain("document-date-for-cooling-off", Ids(explained));
    }

    [Fact]
    public void PaidAboveBilledIsAWarningThatAnExplanationSettles()
    {
        var over = Clean() with { AmountPaid = 350_000, AmountRelieved = 0 };
        var explained = over with { Summary = over.Summary + "クレジットと現金で二重に支払っていた。" };

        var finding = Shipped.Check(over).Findings.Single(f => f.RuleId == "paid-not-above-billed");
        Assert.Equal(CheckSeverity.Warning, finding.Severity);
        Assert.Equal("AmountPaid", finding.Field);
        Assert.DoesNotContain("paid-not-above-billed", Ids(explained));
        Assert.DoesNotContain("paid-not-above-billed", Ids(Clean() with { AmountPaid = 300_000 }));
    }

    [Theory]
    [InlineData("2026-11-21", "2026-11-20", true)] // document before the contract
    [InlineData("2026-11-20", "2026-12-01", true)] // document after the day the case was received (11/30 in Japan)
    [InlineData("2026-11-20", "2026-11-30", false)]
    [InlineData("2026-11-20", "2026-11-20", false)]
    public void DatesMustBeInOrder(string contract, string document, bool finding)
    {
        var c = Clean() with { ContractDate = DateOnly.Parse(contract, System.Globalization.CultureInfo.InvariantCulture), DocumentReceivedDate = DateOnly.Parse(document, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(finding, Ids(c).Contains("dates-in-order"));
    }

    [Fact]
    public void AContractAfterTheDayOfReceiptIsAnError()
    {
        Assert.Contains("contract-not-future", Ids(Clean() with { ContractDate = new DateOnly(2026, 12, 1), DocumentReceivedDate = null }));
        Assert.DoesNotContain("contract-not-future", Ids(Clean() with { ContractDate = new DateOnly(2026, 11, 30), DocumentReceivedDate = null }));
    }

    [Fact]
    public void AMediationResultNeedsAMediationRecordAndAResolvedOneItsReliefAmount()
    {
        var noMediation = Clean() with { IsMediation = false, HandlingLog = [Log(HandlingLogKind.Handling, "助言した。")] };
        var noRelief = Clean() with { AmountRelieved = null };
        var failed = noMediation with { ResultCode = "R4" };
        var advice = noMediation with { ResultCode = "R1", AmountRelieved = null };

        Assert.Contains("mediation-for-mediation-result", Ids(noMediation));
        Assert.Contains("mediation-for-mediation-result", Ids(failed));
        Assert.Contains("relief-for-resolved-mediation", Ids(noRelief));
        Assert.DoesNotContain("mediation-for-mediation-result", Ids(advice));
        Assert.DoesNotContain("relief-for-resolved-mediation", Ids(advice));
    }

    [Theory]
    [InlineData("A10", "O5", "organisation-age-occupation")]
    [InlineData("A4", "O8", "organisation-occupation-age")]
    [InlineData("A8", "O4", "student-elderly")]
    [InlineData("A1", "O2", "minor-employed-self")]
    public void InconsistentAgeAndOccupationAreFound(string age, string occupation, string rule)
    {
        Assert.Contains(rule, Ids(Clean() with { Consultant = Party(age, "F", occupation, "13101") }));
    }

    [Fact]
    public void ConsistentAgeAndOccupationAreNotFound()
    {
        var ids = Ids(Clean() with { Consultant = Party("A10", "F", "O8", "13101") });

        Assert.DoesNotContain("organisation-age-occupation", ids);
        Assert.DoesNotContain("organisation-occupation-age", ids);
    }

    [Fact]
    public void AnAmountOfMoreThanAHundredMillionYenIsWorthASecondLook()
    {
        Assert.Contains("amount-digits", Ids(Clean() with { ContractAmount = 100_000_001, AmountBilled = 100_000_001 }));
        Assert.DoesNotContain("amount-digits", Ids(Clean() with { ContractAmount = 100_000_000 }));
    }

    [Fact]
    public void ASaleWithoutDatesOrAmountGetsWarningsButACaseWithoutASaleDoesNot()
    {
        var sale = Clean() with { ContractDate = null, DocumentReceivedDate = null, ContractAmount = null, AmountBilled = null, Keywords = [new CodeRef("K0101", "解約")] };
        var noSale = sale with { SalesFormCode = "S9" };

        Assert.Contains("contract-date-for-sale", Ids(sale));
        Assert.Contains("amount-for-sale", Ids(sale));
        Assert.DoesNotContain("contract-date-for-sale", Ids(noSale));
        Assert.DoesNotContain("amount-for-sale", Ids(noSale));
    }

    [Fact]
    public void TheScoreNeverGoesBelowZero()
    {
        var empty = Clean() with
        {
            ProductCode = null, SalesFormCode = null, ResultCode = null, Keywords = [], HandlingLog = [],
            Consultant = Party("A10", null, "O4", null), ContractDate = new DateOnly(2026, 12, 5), DocumentReceivedDate = new DateOnly(2026, 12, 1),
        };

        Assert.Equal(0, Shipped.Check(empty).Score);
    }

    [Theory]
    [InlineData("""{"rules":[]}""", "version")]
    [InlineData("""{"version":"1","rules":[{"id":"a","kind":"guess","field":"ProductCode","severity":"error","message":"x"}]}""", "unknown kind")]
    [InlineData("""{"version":"1","rules":[{"id":"a","kind":"required","field":"ShoeSize","severity":"error","message":"x"}]}""", "unknown field")]
    [InlineData("""{"version":"1","rules":[{"id":"a","kind":"required","field":"ProductCode","severity":"fatal","message":"x"}]}""", "severity")]
    [InlineData("""{"version":"1","rules":[{"id":"a","kind":"required","field":"ProductCode","severity":"error","message":"x"},{"id":"a","kind":"required","field":"ResultCode","severity":"error","message":"y"}]}""", "used twice")]
    public void BadRuleDataIsRefusedWithWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => InputChecks.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
