using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Assistance.Rules;

public static partial class ApplicableRules
{
    internal const int ExcessiveSalesYears = 1;
    internal const int MinorRatificationYears = 5;
    internal const int MinorActYears = 20;
    internal const int RescissionOuterYears = 5;
    internal const int SpiritualRescissionOuterYears = 10;

    // Terms of Data/situations.txt (Yorisoi.Text) the rules react to.
    private const string ExcessiveSalesTerm = "過量販売";
    private const string RepeatedSalesTerm = "次々販売";
    private const string MisrepresentationTerm = "不実告知";
    private const string DefinitiveJudgementTerm = "断定的判断";
    private const string UndisclosedDisadvantageTerm = "不利益事実";
    private const string RefusalToLeaveTerm = "不退去";
    private const string ConfinementTerm = "退去妨害";
    private const string RomanceTerm = "恋愛感情";
    private const string DateSalesTerm = "デート商法";
    private const string ImpairedJudgementTerm = "判断力の低下";
    private const string SpiritualTerm = "霊感";
    private const string CancellationFeeTerm = "解約料";
    private const string PenaltyTerm = "違約金";
    private const string UnfairTermsTerm = "不当条項";
    private const string AverageDamageTerm = "平均的な損害";

    private static bool ShowsExcessiveSales(CaseFacts facts, HashSet<string> terms) =>
        facts.Has(RuleCodes.RepeatedSalesKeyword) || terms.Contains(ExcessiveSalesTerm) || terms.Contains(RepeatedSalesTerm);

    /// <summary>過量販売解除 (特定商取引法第9条の2・第24条の2): one year from the contract, whatever the cooling-off did.</summary>
    private static IEnumerable<RuleSuggestion> ExcessiveSales(CaseFacts facts, HashSet<string> terms)
    {
        var telemarketing = facts.IsSalesForm(RuleCodes.TelemarketingSales);
        if (!ShowsExcessiveSales(facts, terms) || !(telemarketing || facts.IsSalesForm(RuleCodes.DoorToDoorSales)))
        {
            yield break;
        }

        var draft = telemarketing
            ? new RuleDraft(
                "kaaryou.denwa-kanyu",
                AssistanceText.Get("Excessive.Telemarketing.Title"),
                AssistanceText.Get("Excessive.Telemarketing.Law"),
                AssistanceText.Get("Excessive.Condition"),
                "kaaryou-hanbai",
                "int-kaaryou-hanbai")
            : new RuleDraft(
                "kaaryou.houmon-hanbai",
                AssistanceText.Get("Excessive.DoorToDoor.Title"),
                AssistanceText.Get("Excessive.DoorToDoor.Law"),
                AssistanceText.Get("Excessive.Condition"),
                "kaaryou-hanbai",
                "int-kaaryou-hanbai");
        draft.Met.Add(AssistanceText.Format("CoolingOff.Met.SalesForm", SalesFormName(facts)));
        AddSalesForm(draft, facts);
        AddProduct(draft, facts);
        AddContractDate(draft, facts);
        draft.Facts.Add(AssistanceText.Get(facts.Has(RuleCodes.RepeatedSalesKeyword) ? "Fact.RepeatedSalesKeyword" : "Fact.ExcessiveSituation"));
        draft.Unconfirmed.Add(AssistanceText.Get("Excessive.Unconfirmed.Quantity"));
        draft.Notes.Add(AssistanceText.Get("Excessive.Note.EachContract"));
        if (string.Equals(facts.PaymentMethodCode, RuleCodes.IndividualCredit, StringComparison.Ordinal))
        {
            draft.Notes.Add(AssistanceText.Get("Excessive.Note.Credit"));
            draft.LinkFaq("int-credit-koben");
        }

        yield return ByOuterLimit(draft, facts, ExcessiveSalesYears);
    }

    /// <summary>未成年者取消し (民法第5条): under the age of majority on the contract date, without the representative's consent.</summary>
    private static IEnumerable<RuleSuggestion> MinorRescission(CaseFacts facts)
    {
        var age = facts.AgeAtContract;
        if (age is null && facts is { BirthDate: { } birth, ContractDate: { } signed })
        {
            age = LegalPeriods.AgeOn(birth, signed);
        }

        // Raised by anything that points to a minor; an age of 20 or more alone says nothing the counselor would expect.
        var band = string.Equals(facts.AgeBandCode, RuleCodes.AgeBandUnder20, StringComparison.Ordinal);
        var pointsToMinor = band || facts.Has(RuleCodes.MinorKeyword) || age < 20;
        if (!pointsToMinor)
        {
            yield break;
        }

        var draft = new RuleDraft(
            "miseinen.torikeshi",
            AssistanceText.Get("Minor.Title"),
            AssistanceText.Get("Minor.Law"),
            AssistanceText.Get("Minor.Condition"),
            "miseinen-game-kakin",
            "int-miseinen");
        draft.LinkFaq("seinen-18sai");
        AddContractDate(draft, facts);
        if (facts.RepresentativeConsented == true)
        {
            draft.Facts.Add(AssistanceText.Get("Fact.RepresentativeConsented"));
            draft.Met.Add(AssistanceText.Get("Minor.Excluded.Consent"));
            yield return draft.Build(RuleStatus.Excluded, null, facts.Today);
            yield break;
        }

        if (facts.RepresentativeConsented is null)
        {
            draft.Unconfirmed.Add(AssistanceText.Get("Minor.Unconfirmed.Consent"));
        }

        draft.Notes.Add(AssistanceText.Get("Minor.Note.Exceptions"));
        if (facts.ContractDate is not { } contract)
        {
            draft.Unconfirmed.Add(AssistanceText.Get("Common.Unconfirmed.ContractDate"));
            yield return draft.Build(RuleStatus.MayApply, null, facts.Today);
            yield break;
        }

        var majorityAge = LegalPeriods.MajorityAgeOn(contract);
        if (age is not { } known)
        {
            draft.Facts.Add(AssistanceText.Get(band ? "Fact.AgeBandUnder20" : "Fact.MinorKeyword"));
            draft.Unconfirmed.Add(AssistanceText.Format("Minor.Unconfirmed.Age", majorityAge));
            draft.Notes.Add(AssistanceText.Format("Minor.Note.OuterLimit", AssistanceText.Date(LegalPeriods.YearsFromAct(contract, MinorActYears))));
            yield return draft.Build(RuleStatus.MayApply, null, facts.Today);
            yield break;
        }

        draft.Facts.Add(AssistanceText.Format("Fact.AgeAtContract", known));
        if (known >= majorityAge)
        {
            // An adult at the contract: the counselor expected the rule, so say why it does not apply.
            draft.Met.Add(AssistanceText.Format("Minor.Excluded.Adult", known, majorityAge, AssistanceText.Date(contract)));
            yield return draft.Build(RuleStatus.Excluded, null, facts.Today);
            yield break;
        }

        draft.Met.Add(AssistanceText.Format("Minor.Met.Age", known, majorityAge, AssistanceText.Date(contract)));
        var outer = LegalPeriods.YearsFromAct(contract, MinorActYears);
        if (facts.BirthDate is not { } born)
        {
            // The five years run from coming of age, which only the date of birth fixes; the right itself does not wait for it.
            draft.Notes.Add(AssistanceText.Get("Minor.Note.BirthDateForDeadline"));
            draft.Notes.Add(AssistanceText.Format("Minor.Note.OuterLimit", AssistanceText.Date(outer)));
            yield return draft.Build(draft.Unconfirmed.Count == 0 ? RuleStatus.Applies : RuleStatus.MayApply, null, facts.Today);
            yield break;
        }

        var majority = LegalPeriods.MajorityDate(born);
        var fromMajority = LegalPeriods.YearsFromStartOfDay(majority, MinorRatificationYears);
        var last = fromMajority < outer ? fromMajority : outer;
        draft.Facts.Add(AssistanceText.Format("Fact.BirthDate", AssistanceText.Date(born)));
        draft.Notes.Add(AssistanceText.Format("Minor.Note.Period", AssistanceText.Date(majority), AssistanceText.Date(fromMajority), AssistanceText.Date(outer)));
        var status = facts.Today > last ? RuleStatus.Expired : draft.Unconfirmed.Count == 0 ? RuleStatus.Applies : RuleStatus.MayApply;
        yield return draft.Build(status, last, facts.Today);
    }

    /// <summary>One ground of 消費者契約法第4条 and what raises it from the case.</summary>
    private sealed record RescissionGround(string Id, string TitleKey, string LawKey, string ConditionKey, int OuterYears, Func<CaseFacts, HashSet<string>, bool> Raised, params string[] FaqIds);

    private static readonly RescissionGround[] s_grounds =
    [
        new("shokeiho.fujitsu-kokuchi", "Rescission.Misrepresentation.Title", "Rescission.Misrepresentation.Law", "Rescission.Misrepresentation.Condition", RescissionOuterYears,
            (f, t) => t.Contains(MisrepresentationTerm) || f.Has(RuleCodes.FalseExplanationKeyword), "keiyaku-torikeshi-shokeiho", "int-shokeiho-torikeshi"),
        new("shokeiho.danteiteki-handan", "Rescission.DefinitiveJudgement.Title", "Rescission.DefinitiveJudgement.Law", "Rescission.DefinitiveJudgement.Condition", RescissionOuterYears,
            (_, t) => t.Contains(DefinitiveJudgementTerm), "keiyaku-torikeshi-shokeiho", "int-shokeiho-torikeshi"),
        new("shokeiho.furieki-jijitsu", "Rescission.UndisclosedDisadvantage.Title", "Rescission.UndisclosedDisadvantage.Law", "Rescission.UndisclosedDisadvantage.Condition", RescissionOuterYears,
            (f, t) => t.Contains(UndisclosedDisadvantageTerm) || f.Has(RuleCodes.InsufficientExplanationKeyword), "keiyaku-torikeshi-shokeiho", "int-shokeiho-torikeshi"),
        new("shokeiho.futaikyo-taikyo-bougai", "Rescission.Confinement.Title", "Rescission.Confinement.Law", "Rescission.Confinement.Condition", RescissionOuterYears,
            (f, t) => t.Contains(RefusalToLeaveTerm) || t.Contains(ConfinementTerm) || f.Has(RuleCodes.PushyKeyword) || f.Has(RuleCodes.LongSolicitationKeyword), "keiyaku-torikeshi-shokeiho", "int-shokeiho-torikeshi"),
        new("shokeiho.koui-kanjou", "Rescission.Affection.Title", "Rescission.Affection.Law", "Rescission.Affection.Condition", RescissionOuterYears,
            (_, t) => t.Contains(RomanceTerm) || t.Contains(DateSalesTerm), "date-shouhou", "int-shokeiho-torikeshi"),
        new("shokeiho.handanryoku-teika", "Rescission.ImpairedJudgement.Title", "Rescission.ImpairedJudgement.Law", "Rescission.ImpairedJudgement.Condition", RescissionOuterYears,
            (f, t) => f.Has(RuleCodes.ImpairedJudgementKeyword) || (t.Contains(ImpairedJudgementTerm) && f.AgeBandCode is RuleCodes.AgeBand70s or RuleCodes.AgeBand80Plus), "ninchisho-oya-keiyaku", "int-koureisha-mimamori"),
        new("shokeiho.reikan", "Rescission.Spiritual.Title", "Rescission.Spiritual.Law", "Rescission.Spiritual.Condition", SpiritualRescissionOuterYears,
            (_, t) => t.Contains(SpiritualTerm), "reikan-kaiun", "int-reikan"),
        new("shokeiho.karyou-keiyaku", "Rescission.Excessive.Title", "Rescission.Excessive.Law", "Rescission.Excessive.Condition", RescissionOuterYears,
            ShowsExcessiveSales, "kaaryou-hanbai", "int-kaaryou-hanbai"),
    ];

    /// <summary>
    /// 消費者契約法第4条の取消し, one suggestion per ground the narrative or keywords show; the keyword 消費者契約法 alone
    /// raises the general check of all grounds. Deadline: the outer limit from the contract (第7条).
    /// </summary>
    private static IEnumerable<RuleSuggestion> ConsumerContractRescission(CaseFacts facts, HashSet<string> terms)
    {
        var raised = s_grounds.Where(g => g.Raised(facts, terms)).ToList();
        foreach (var ground in raised)
        {
            var draft = new RuleDraft(ground.Id, AssistanceText.Get(ground.TitleKey), AssistanceText.Get(ground.LawKey), AssistanceText.Get(ground.ConditionKey), ground.FaqIds);
            AddContractDate(draft, facts);
            draft.Facts.Add(AssistanceText.Get("Fact.Situation"));
            draft.Unconfirmed.Add(AssistanceText.Get("Rescission.Unconfirmed.Facts"));
            var spiritual = ground.OuterYears == SpiritualRescissionOuterYears;
            draft.Notes.Add(AssistanceText.Get(spiritual ? "Rescission.Note.SpiritualPeriod" : "Rescission.Note.Period"));
            // The 特定商取引法 has its own rescission for false statements and deliberate silence only.
            var misleading = ground.Id is "shokeiho.fujitsu-kokuchi" or "shokeiho.furieki-jijitsu";
            if (misleading && facts.SalesFormCode is RuleCodes.DoorToDoorSales or RuleCodes.TelemarketingSales or RuleCodes.MultiLevelMarketing)
            {
                draft.Notes.Add(AssistanceText.Get("Rescission.Note.SpecifiedCommercialTransactions"));
            }

            yield return ByOuterLimit(draft, facts, ground.OuterYears);
        }

        if (raised.Count == 0 && facts.Has(RuleCodes.ConsumerContractActKeyword))
        {
            var draft = new RuleDraft(
                "shokeiho.torikeshi",
                AssistanceText.Get("Rescission.General.Title"),
                AssistanceText.Get("Rescission.General.Law"),
                AssistanceText.Get("Rescission.General.Condition"),
                "keiyaku-torikeshi-shokeiho",
                "int-shokeiho-torikeshi");
            AddContractDate(draft, facts);
            draft.Facts.Add(AssistanceText.Get("Fact.ConsumerContractActKeyword"));
            draft.Unconfirmed.Add(AssistanceText.Get("Rescission.Unconfirmed.Ground"));
            draft.Notes.Add(AssistanceText.Get("Rescission.Note.Period"));
            yield return ByOuterLimit(draft, facts, RescissionOuterYears);
        }
    }

    /// <summary>不当条項 (消費者契約法第8条〜第10条), above all 第9条第1項第1号 on cancellation fees: no deadline.</summary>
    private static IEnumerable<RuleSuggestion> UnfairTerms(CaseFacts facts, HashSet<string> terms)
    {
        var keyword = facts.Has(RuleCodes.CancellationFeeKeyword);
        if (!keyword && !terms.Contains(CancellationFeeTerm) && !terms.Contains(PenaltyTerm) && !terms.Contains(UnfairTermsTerm) && !terms.Contains(AverageDamageTerm))
        {
            yield break;
        }

        var draft = new RuleDraft(
            "futou-jouko.kaiyakuryo",
            AssistanceText.Get("UnfairTerms.Title"),
            AssistanceText.Get("UnfairTerms.Law"),
            AssistanceText.Get("UnfairTerms.Condition"),
            "kaiyakuryo-takai",
            "int-kaiyakuryo-9jo");
        draft.Facts.Add(AssistanceText.Get(keyword ? "Fact.CancellationFeeKeyword" : "Fact.Situation"));
        draft.Unconfirmed.Add(AssistanceText.Get("UnfairTerms.Unconfirmed.Clause"));
        draft.Notes.Add(AssistanceText.Get("UnfairTerms.Note.PartOnly"));
        if (ResolveService(facts) is not null)
        {
            draft.Notes.Add(AssistanceText.Get("UnfairTerms.Note.ContinuousService"));
        }

        yield return draft.Build(RuleStatus.MayApply, null, facts.Today);
    }
}
