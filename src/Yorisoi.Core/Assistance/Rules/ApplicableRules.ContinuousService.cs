using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Assistance.Rules;

public static partial class ApplicableRules
{
    /// <summary>
    /// The designated service a case is about: the one the counselor gave, else the product code's. スクール・習い事
    /// and 他の教育サービス hold パソコン教室 and 家庭教師 among other things, so those are only candidates.
    /// </summary>
    internal static (DesignatedService Service, bool Certain)? ResolveService(CaseFacts facts)
    {
        if (facts.DesignatedService is { } given)
        {
            return (given, true);
        }

        return facts.ProductCode switch
        {
            "2101" => (DesignatedService.Esthetics, true),
            "2102" => (DesignatedService.CosmeticMedicine, true),
            "1903" => (DesignatedService.LanguageSchool, true),
            "1901" => (DesignatedService.CramSchool, true),
            "2007" => (DesignatedService.MarriageIntroduction, true),
            "1905" => (DesignatedService.ComputerSchool, false),
            "1907" => (DesignatedService.HomeTutor, false),
            _ => null,
        };
    }

    internal static string ServiceName(DesignatedService service) => service switch
    {
        DesignatedService.Esthetics => AssistanceText.Get("Service.Esthetics"),
        DesignatedService.CosmeticMedicine => AssistanceText.Get("Service.CosmeticMedicine"),
        DesignatedService.LanguageSchool => AssistanceText.Get("Service.LanguageSchool"),
        DesignatedService.HomeTutor => AssistanceText.Get("Service.HomeTutor"),
        DesignatedService.CramSchool => AssistanceText.Get("Service.CramSchool"),
        DesignatedService.ComputerSchool => AssistanceText.Get("Service.ComputerSchool"),
        DesignatedService.MarriageIntroduction => AssistanceText.Get("Service.MarriageIntroduction"),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    private static string ServiceFaq(DesignatedService service) => service switch
    {
        DesignatedService.Esthetics => "esute-chuto-kaiyaku",
        DesignatedService.CosmeticMedicine => "biyou-iryou-keiyaku",
        DesignatedService.LanguageSchool or DesignatedService.ComputerSchool => "gogaku-kyoushitsu",
        DesignatedService.HomeTutor or DesignatedService.CramSchool => "juku-kateikyoushi",
        DesignatedService.MarriageIntroduction => "kekkon-soudansho",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    /// <summary>
    /// Checks the thresholds of a 特定継続的役務提供契約 (period over 1 or 2 months, amount over 50,000 yen) into the draft;
    /// false when the facts show the contract is below them.
    /// </summary>
    private static bool QualifiesAsContinuousService(RuleDraft draft, CaseFacts facts, DesignatedService service, bool certain)
    {
        var limit = TerminationFeeLimit.For(service);
        var name = ServiceName(service);
        AddProduct(draft, facts);
        if (certain)
        {
            draft.Met.Add(AssistanceText.Format("ContinuousService.Met.Service", name));
        }
        else
        {
            draft.Unconfirmed.Add(AssistanceText.Format("ContinuousService.Unconfirmed.Service", name, ProductName(facts)));
        }

        if (service == DesignatedService.CosmeticMedicine)
        {
            draft.Unconfirmed.Add(AssistanceText.Get("ContinuousService.Unconfirmed.CosmeticMethod"));
            draft.LinkFaq("int-biyou-iryou");
        }

        var qualifies = true;
        if (facts.ContractPeriodMonths is { } months)
        {
            draft.Facts.Add(AssistanceText.Format("Fact.PeriodMonths", months));
            if (months > limit.MinimumMonthsExceeded)
            {
                draft.Met.Add(AssistanceText.Format("ContinuousService.Met.Period", months, limit.MinimumMonthsExceeded));
            }
            else
            {
                draft.Met.Add(AssistanceText.Format("ContinuousService.Excluded.Period", months, limit.MinimumMonthsExceeded));
                qualifies = false;
            }
        }
        else
        {
            draft.Unconfirmed.Add(AssistanceText.Format("ContinuousService.Unconfirmed.Period", limit.MinimumMonthsExceeded));
        }

        if (facts.ContractAmount is { } amount)
        {
            AddAmount(draft, facts);
            if (amount > TerminationFeeLimit.MinimumAmountExceeded)
            {
                draft.Met.Add(AssistanceText.Format("ContinuousService.Met.Amount", AssistanceText.Yen(amount)));
            }
            else
            {
                draft.Met.Add(AssistanceText.Format("ContinuousService.Excluded.Amount", AssistanceText.Yen(amount)));
                qualifies = false;
            }
        }
        else
        {
            draft.Unconfirmed.Add(AssistanceText.Get("ContinuousService.Unconfirmed.Amount"));
        }

        if (service is DesignatedService.LanguageSchool or DesignatedService.HomeTutor or DesignatedService.CramSchool)
        {
            draft.Notes.Add(AssistanceText.Get("ContinuousService.Note.EducationScope"));
        }

        return qualifies;
    }

    /// <summary>
    /// 中途解約 of a designated continuous service (特定商取引法第49条), with the settlement the fee limits allow. Raised
    /// beside the cooling-off of the same contract unless that found the contract below the thresholds.
    /// </summary>
    private static IEnumerable<RuleSuggestion> MidTermCancellation(CaseFacts facts, List<RuleSuggestion> found)
    {
        if (ResolveService(facts) is not { } resolved)
        {
            yield break;
        }

        var coolingOff = found.Find(s => string.Equals(s.Id, "cooling-off.tokutei-keizoku", StringComparison.Ordinal));
        if (coolingOff is { Status: RuleStatus.Excluded })
        {
            yield break;
        }

        var service = resolved.Service;
        var limit = TerminationFeeLimit.For(service);
        var draft = new RuleDraft(
            "chuto-kaiyaku.tokutei-keizoku",
            AssistanceText.Get("MidTerm.Title"),
            AssistanceText.Get("MidTerm.Law"),
            AssistanceText.Get("MidTerm.Condition"),
            ServiceFaq(service),
            "int-tokutei-keizoku");
        QualifiesAsContinuousService(draft, facts, service, resolved.Certain);
        draft.Unconfirmed.Add(AssistanceText.Get("MidTerm.Unconfirmed.WithinPeriod"));

        draft.Notes.Add(limit.AfterStartPercentOfRemaining is { } percent
            ? AssistanceText.Format("MidTerm.Note.LimitPercent", ServiceName(service), AssistanceText.Yen(limit.BeforeStartFee), AssistanceText.Yen(limit.AfterStartFixedFee), percent)
            : AssistanceText.Format("MidTerm.Note.LimitOneMonth", ServiceName(service), AssistanceText.Yen(limit.BeforeStartFee), AssistanceText.Yen(limit.AfterStartFixedFee)));

        var settlement = TerminationSettlement.Compute(limit, facts);
        if (settlement.ServicesStarted is { } started)
        {
            draft.Facts.Add(AssistanceText.Get(started ? "Fact.ServicesStarted" : "Fact.ServicesNotStarted"));
        }

        if (settlement.ServicesUsedAmount is { } used && settlement.ServicesStarted == true)
        {
            draft.Facts.Add(AssistanceText.Format("Fact.ServicesUsed", AssistanceText.Yen(used)));
        }

        if (facts.AmountPaid is { } paid)
        {
            draft.Facts.Add(AssistanceText.Format("Fact.AmountPaid", AssistanceText.Yen(paid)));
        }

        if (settlement.MaximumCharge is { } maximum && settlement.FeeCap is { } cap)
        {
            draft.Notes.Add(settlement.ServicesStarted == false
                ? AssistanceText.Format("MidTerm.Note.ChargeBeforeStart", AssistanceText.Yen(cap))
                : AssistanceText.Format("MidTerm.Note.ChargeAfterStart", AssistanceText.Yen(settlement.ServicesUsedAmount ?? 0), AssistanceText.Yen(cap), AssistanceText.Yen(maximum)));
            if (settlement.MonthlyFeeEstimated)
            {
                draft.Notes.Add(AssistanceText.Get("MidTerm.Note.MonthlyFeeEstimated"));
            }

            if (settlement.RefundDue is { } refund && settlement.StillPayable is { } rest)
            {
                draft.Notes.Add(refund > 0
                    ? AssistanceText.Format("MidTerm.Note.Refund", AssistanceText.Yen(refund))
                    : AssistanceText.Format("MidTerm.Note.StillPayable", AssistanceText.Yen(rest)));
            }
        }
        else
        {
            draft.Unconfirmed.Add(AssistanceText.Get("MidTerm.Unconfirmed.Amounts"));
        }

        if (coolingOff is { Status: RuleStatus.Applies or RuleStatus.MayApply or RuleStatus.PeriodNotStarted })
        {
            draft.Notes.Add(AssistanceText.Get("MidTerm.Note.CoolingOffFirst"));
        }

        draft.Notes.Add(AssistanceText.Get("MidTerm.Note.UnitPrice"));
        yield return draft.Build(RuleStatus.MayApply, null, facts.Today, settlement);
    }
}
