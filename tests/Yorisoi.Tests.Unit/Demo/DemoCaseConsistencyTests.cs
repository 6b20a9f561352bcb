using System.Text.RegularExpressions;
using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Demo;
using Yorisoi.Core.Resources;

namespace Yorisoi.Tests.Unit.Demo;

/// <summary>
/// Demo cases read like real records: the status agrees with the handling log, mediation, result and approval;
/// the narrative with the fields; dates run in order; amounts add up. Checked over thousands of generated cases,
/// spread over two fiscal years and, for the young statuses, over the last two months.
/// </summary>
public sealed partial class DemoCaseConsistencyTests
{
    private static readonly CodeListVersion Codes = CodeListCatalog.LoadEmbedded().Current;
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(9));

    private static readonly GeneratorCenter[] Centers =
    [
        new(new Guid("00000000-0000-0000-0000-000000000001"), "13000", "13000", ["13101", "13102"], 3),
        new(new Guid("00000000-0000-0000-0000-000000000002"), "14100", "14000", ["14100"], 1),
    ];

    private static readonly Lazy<List<Case>> Sample = new(() =>
    {
        var generator = new SyntheticCaseGenerator(Codes, Centers, seed: 20260401);
        var history = Enumerable.Range(0, 3000).Select(_ => generator.Next(Now.AddMonths(-20), Now, Now));
        var recent = Enumerable.Range(0, 3000).Select(_ => generator.Next(Now.AddDays(-60), Now, Now));
        return history.Concat(recent).ToList();
    });

    private static List<Case> Cases => Sample.Value;

    [Fact]
    public void EveryStatusAppearsInTheSample()
    {
        Assert.Equal(Enum.GetValues<CaseStatus>().ToHashSet(), Cases.Select(c => c.Status).ToHashSet());
        Assert.Contains(Cases, c => c.Status == CaseStatus.InProgress && c.IsMediation);
    }

    [Fact]
    public void AReceivedCaseHasNoHandlingYet()
    {
        Assert.All(Cases.Where(c => c.Status == CaseStatus.Received), c =>
        {
            Assert.Empty(c.HandlingLog);
            Assert.Null(c.ResultCode);
            Assert.False(c.IsMediation);
            Assert.Null(c.ApprovedAt);
            Assert.Equal(c.ReceivedAt, c.UpdatedAt);
        });
    }

    [Fact]
    public void ACaseInProgressHasBeenHandledButHasNoResultYet()
    {
        Assert.All(Cases.Where(c => c.Status == CaseStatus.InProgress), c =>
        {
            Assert.NotEmpty(c.HandlingLog);
            Assert.Null(c.ResultCode);
            Assert.Null(c.ApprovedAt);
            Assert.Null(c.MediationEndedAt);
            Assert.Equal(MediationOutcome.None, c.MediationOutcome);
        });
    }

    [Fact]
    public void ACaseAwaitingApprovalOrCompletedHasAResultAndOnlyACompletedOneIsApproved()
    {
        Assert.All(Cases.Where(c => c.Status is CaseStatus.AwaitingApproval or CaseStatus.Completed), c =>
        {
            Assert.NotEmpty(c.HandlingLog);
            Assert.True(Codes.IsValid(CodeListNames.Result, c.ResultCode), c.ResultCode);
            Assert.Equal(c.Status == CaseStatus.Completed, c.ApprovedAt is not null);
            if (c.IsMediation)
            {
                Assert.NotNull(c.MediationEndedAt);
            }
        });
    }

    [Fact]
    public void MediationAgreesWithTheResultAndTheLog()
    {
        Assert.All(Cases, c =>
        {
            Assert.Equal(c.IsMediation, c.MediationStartedAt is not null);
            Assert.Equal(c.MediationOutcome != MediationOutcome.None, c.MediationEndedAt is not null);
            Assert.Equal(c.IsMediation, c.HandlingLog.Any(e => e.Kind == HandlingLogKind.Mediation));
            switch (c.ResultCode)
            {
                case ResultCodes.MediationResolved:
                    Assert.Equal((true, MediationOutcome.Resolved), (c.IsMediation, c.MediationOutcome));
                    break;
                case ResultCodes.MediationFailed:
                    Assert.Equal((true, MediationOutcome.Failed), (c.IsMediation, c.MediationOutcome));
                    break;
                case not null:
                    Assert.False(c.IsMediation);
                    break;
            }

            Assert.All(c.HandlingLog.Where(e => e.Kind == HandlingLogKind.Mediation), e =>
                Assert.InRange(e.OccurredAt, c.MediationStartedAt!.Value, c.MediationEndedAt ?? Now));
        });
    }

    [Fact]
    public void DatesRunInOrderFromContractToApproval()
    {
        Assert.All(Cases, c =>
        {
            var receivedDate = DateOnly.FromDateTime(FiscalYear.ToJapanTime(c.ReceivedAt).DateTime);
            Assert.True(c.ContractDate is null || c.ContractDate <= receivedDate, $"contract {c.ContractDate} after receipt {receivedDate}");
            if (c.DocumentReceivedDate is { } document)
            {
                Assert.NotNull(c.ContractDate);
                Assert.InRange(document, c.ContractDate.Value, receivedDate);
            }

            Assert.Equal(c.ReceivedAt, c.CreatedAt);
            var previous = c.ReceivedAt;
            foreach (var entry in c.HandlingLog)
            {
                Assert.True(entry.OccurredAt > previous, $"log entry at {entry.OccurredAt:o} not after {previous:o}");
                Assert.True(entry.CreatedAt >= entry.OccurredAt);
                previous = entry.OccurredAt;
            }

            var lastEntry = c.HandlingLog.Count > 0 ? c.HandlingLog[^1].OccurredAt : c.ReceivedAt;
            Assert.True(c.MediationStartedAt is null || c.MediationStartedAt > c.HandlingLog[0].OccurredAt);
            Assert.True(c.MediationEndedAt is null || c.MediationEndedAt >= c.MediationStartedAt);
            Assert.True(c.ApprovedAt is null || (c.ApprovedAt > lastEntry && c.ApprovedAt >= c.MediationEndedAt.GetValueOrDefault()));
            Assert.True(c.UpdatedAt >= lastEntry && c.UpdatedAt >= c.ApprovedAt.GetValueOrDefault());
            Assert.True(c.UpdatedAt <= Now && lastEntry <= Now, $"{c.UpdatedAt:o} / {lastEntry:o} after now");
        });
    }

    [Fact]
    public void AmountsAddUp()
    {
        Assert.All(Cases, c =>
        {
            Assert.True(c.AmountPaid >= 0);
            Assert.True(c.AmountBilled is null || c.AmountPaid <= c.AmountBilled, $"paid {c.AmountPaid} > billed {c.AmountBilled}");
            Assert.True(c.ContractAmount is null || c.AmountPaid <= c.ContractAmount, $"paid {c.AmountPaid} > contract {c.ContractAmount}");
            Assert.True(c.ContractAmount is not null || c.AmountBilled is not null);
            if (c.MediationOutcome == MediationOutcome.Resolved)
            {
                Assert.InRange(c.AmountRelieved!.Value, 0, c.AmountPaid!.Value);
            }
            else
            {
                Assert.True(c.AmountRelieved is null or 0);
            }
        });
    }

    [Fact]
    public void TheNarrativeAgreesWithWhatTheRecordKnowsOfTheBusiness()
    {
        var calledTheBusiness = 0;
        var numberUnknown = 0;
        var sawTheSite = 0;
        Assert.All(Cases, c =>
        {
            var name = c.Business.Name!;
            if (c.Summary.Contains(name + "に電話", StringComparison.Ordinal) || c.Summary.Contains("電話で問い合わせ", StringComparison.Ordinal) || c.Summary.Contains("電話がつながらない", StringComparison.Ordinal))
            {
                calledTheBusiness++;
                Assert.NotNull(c.Business.Phone);
            }

            if (PhoneUnknown().IsMatch(c.Summary))
            {
                numberUnknown++;
                Assert.Null(c.Business.Phone);
            }

            if (c.Summary.Contains(name + "のウェブサイト", StringComparison.Ordinal) || c.Summary.Contains(name + "のサイト", StringComparison.Ordinal) || c.Summary.Contains(name + "の通販サイト", StringComparison.Ordinal))
            {
                sawTheSite++;
                Assert.NotNull(c.Business.Url);
            }
        });

        Assert.True(calledTheBusiness > 100 && numberUnknown > 100 && sawTheSite > 100, $"{calledTheBusiness} / {numberUnknown} / {sawTheSite}");
    }

    [Fact]
    public void TheNarrativeSpeaksOfAPaymentOnlyWhenSomethingWasPaid()
    {
        var nothingPaid = Cases.Where(c => c.AmountPaid == 0).ToList();

        Assert.True(nothingPaid.Count > 100);
        Assert.All(nothingPaid, c =>
        {
            Assert.DoesNotMatch(ZeroYen(), c.Summary);
            Assert.DoesNotContain("支払いはすでに済ませて", c.Summary, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheOpeningSentenceAgreesWithTheChannel()
    {
        Assert.All(Cases, c =>
        {
            if (c.Summary.StartsWith("188に電話して", StringComparison.Ordinal) || c.Summary.StartsWith("仕事の昼休みに電話している", StringComparison.Ordinal))
            {
                Assert.Equal("C1", c.ChannelCode);
            }

            if (c.Summary.StartsWith("ウェブの相談フォームから", StringComparison.Ordinal))
            {
                Assert.Equal("C5", c.ChannelCode);
            }

            if (c.Summary.StartsWith("地域包括支援センターの職員が同席して", StringComparison.Ordinal))
            {
                Assert.Equal("C2", c.ChannelCode);
            }
        });
        Assert.Contains(Cases, c => c.Summary.StartsWith("ウェブの相談フォームから", StringComparison.Ordinal));
    }

    [Fact]
    public void TheHistoryTellsHowTheCaseReachedItsStatus()
    {
        (Guid, string) counselor = (Guid.CreateVersion7(), "相談員（試験）");
        (Guid, string) supervisor = (Guid.CreateVersion7(), "所属長（試験）");
        Assert.All(Cases, c =>
        {
            var history = DemoHistory.Of(c, counselor, supervisor).ToList();

            Assert.Equal(history.OrderBy(h => h.At).Select(h => h.At), history.Select(h => h.At));
            Assert.All(history, h => Assert.InRange(h.At, c.ReceivedAt, Now));
            var status = Messages.Status(CaseStatus.Received);
            foreach (var change in history.Where(h => h.Kind == CaseChangeKind.StatusChanged))
            {
                Assert.Equal(status, change.OldValue);
                status = change.NewValue!;
            }

            Assert.Equal(Messages.Status(c.Status), status);
            Assert.Equal(c.HandlingLog.Count, history.Count(h => h.Kind == CaseChangeKind.HandlingLogAdded));
            Assert.Equal(c.IsMediation, history.Any(h => h.Kind == CaseChangeKind.MediationStarted));
            Assert.Equal(c.MediationEndedAt is not null, history.Any(h => h.Kind == CaseChangeKind.MediationEnded));
            if (c.ApprovedAt is { } approvedAt)
            {
                var approval = history[^1];
                Assert.Equal((approvedAt, "所属長（試験）"), (approval.At, approval.UserName));
            }
        });
    }

    [GeneratedRegex("電話番号は分からない|電話番号の記載はない|連絡先は分からない")]
    private static partial Regex PhoneUnknown();

    [GeneratedRegex(@"(?<![\d,])0円")]
    private static partial Regex ZeroYen();
}
