using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Resources;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Core.Assistance.Rules;

/// <summary>
/// From a case's facts, the consumer-law rules that may apply (「提案」 beside the case): cooling-off, 過量販売,
/// 通信販売の返品, 未成年者取消し, 消費者契約法の取消しと不当条項, 中途解約 and the credit company. Rules never decide
/// what the facts do not show: they say what to confirm, and points the law leaves open are marked 要確認.
/// </summary>
public static partial class ApplicableRules
{
    private static readonly Lazy<CodeListVersion> s_codes = new(() => CodeListCatalog.LoadEmbedded().Current);

    /// <summary>
    /// The rules that may apply, most urgent first: rules still open ordered by deadline (those without one after them),
    /// then expired ones, then exclusions.
    /// </summary>
    public static IReadOnlyList<RuleSuggestion> Evaluate(CaseFacts facts) => Evaluate(facts, SituationList.Default);

    /// <summary>As <see cref="Evaluate(CaseFacts)"/>, reading the narrative with the given situation list.</summary>
    public static IReadOnlyList<RuleSuggestion> Evaluate(CaseFacts facts, SituationList situations)
    {
        var terms = situations.TermsOf(facts.Narrative).ToHashSet(StringComparer.Ordinal);
        var found = new List<RuleSuggestion>();
        found.AddRange(CoolingOff(facts));
        found.AddRange(MailOrderReturn(facts));
        found.AddRange(ExcessiveSales(facts, terms));
        found.AddRange(MinorRescission(facts));
        found.AddRange(ConsumerContractRescission(facts, terms));
        found.AddRange(UnfairTerms(facts, terms));
        found.AddRange(MidTermCancellation(facts, found));
        found.AddRange(CreditCompany(facts, found));

        return found
            .Select((s, index) => (Suggestion: s, Index: index))
            .OrderBy(x => StatusGroup(x.Suggestion.Status))
            .ThenBy(x => x.Suggestion.Deadline ?? DateOnly.MaxValue)
            .ThenBy(x => x.Index)
            .Select(x => x.Suggestion)
            .ToList();
    }

    private static int StatusGroup(RuleStatus status) => status switch
    {
        RuleStatus.Expired => 1,
        RuleStatus.Excluded => 2,
        _ => 0,
    };

    private static bool IsOpen(RuleSuggestion s) => s.Status is RuleStatus.Applies or RuleStatus.MayApply or RuleStatus.PeriodNotStarted;

    private static string SalesFormName(CaseFacts facts) =>
        s_codes.Value.NameOf(CodeListNames.SalesForm, facts.SalesFormCode) ?? facts.SalesFormCode ?? "";

    private static string ProductName(CaseFacts facts) =>
        s_codes.Value.NameOf(CodeListNames.Product, facts.ProductCode) ?? facts.ProductCode ?? "";

    private static string PaymentName(CaseFacts facts) =>
        s_codes.Value.NameOf(CodeListNames.PaymentMethod, facts.PaymentMethodCode) ?? facts.PaymentMethodCode ?? "";

    private static void AddSalesForm(RuleDraft draft, CaseFacts facts) =>
        draft.Facts.Add(AssistanceText.Format("Fact.SalesForm", SalesFormName(facts)));

    private static void AddProduct(RuleDraft draft, CaseFacts facts)
    {
        if (facts.ProductCode is not null)
        {
            draft.Facts.Add(AssistanceText.Format("Fact.Product", ProductName(facts)));
        }
    }

    private static void AddContractDate(RuleDraft draft, CaseFacts facts)
    {
        if (facts.ContractDate is { } date)
        {
            draft.Facts.Add(AssistanceText.Format("Fact.ContractDate", AssistanceText.Date(date)));
        }
    }

    private static void AddAmount(RuleDraft draft, CaseFacts facts)
    {
        if (facts.ContractAmount is { } amount)
        {
            draft.Facts.Add(AssistanceText.Format("Fact.ContractAmount", AssistanceText.Yen(amount)));
        }
    }

    private static void AddPayment(RuleDraft draft, CaseFacts facts)
    {
        if (facts.PaymentMethodCode is not null)
        {
            draft.Facts.Add(AssistanceText.Format("Fact.Payment", PaymentName(facts)));
        }
    }

    /// <summary>
    /// A right whose outer limit runs from the contract date: open until it, expired after it; without the contract
    /// date the counselor is asked for it.
    /// </summary>
    private static RuleSuggestion ByOuterLimit(RuleDraft draft, CaseFacts facts, int years)
    {
        if (facts.ContractDate is not { } contract)
        {
            draft.Unconfirmed.Add(AssistanceText.Get("Common.Unconfirmed.ContractDate"));
            return draft.Build(RuleStatus.MayApply, null, facts.Today);
        }

        var last = LegalPeriods.YearsFromAct(contract, years);
        return draft.Build(facts.Today <= last ? RuleStatus.MayApply : RuleStatus.Expired, last, facts.Today);
    }
}
