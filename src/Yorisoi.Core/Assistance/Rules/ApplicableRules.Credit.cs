using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Assistance.Rules;

public static partial class ApplicableRules
{
    /// <summary>割賦販売法施行令: 抗弁の接続 needs a total payment of 40,000 yen, or a cash price of 38,000 yen for リボ.</summary>
    internal const long DefenceMinimumTotal = 40_000;

    internal const long DefenceMinimumRevolving = 38_000;

    private static readonly HashSet<string> s_creditCoolingOffIds = new(StringComparer.Ordinal)
    {
        // 訪問購入 is left out: there the consumer is the seller and no credit is given.
        "cooling-off.houmon-hanbai", "cooling-off.denwa-kanyu", "cooling-off.tokutei-keizoku", "cooling-off.rensa-hanbai", "cooling-off.gyomu-teikyo",
    };

    /// <summary>
    /// The credit company's side: with 個別信用購入あっせん the credit contract has its own cooling-off, to be sent to the
    /// credit company too; with instalment or revolving card payments the grounds against the seller can stop payments
    /// to the card company (抗弁の接続).
    /// </summary>
    private static IEnumerable<RuleSuggestion> CreditCompany(CaseFacts facts, List<RuleSuggestion> found)
    {
        var individual = string.Equals(facts.PaymentMethodCode, RuleCodes.IndividualCredit, StringComparison.Ordinal);
        var card = string.Equals(facts.PaymentMethodCode, RuleCodes.CardInstalments, StringComparison.Ordinal);
        if (!individual && !card)
        {
            yield break;
        }

        if (individual && found.Where(s => s_creditCoolingOffIds.Contains(s.Id) && IsOpen(s)).MinBy(s => s.Deadline ?? DateOnly.MaxValue) is { } coolingOff)
        {
            var draft = new RuleDraft(
                "credit.kobetsu-cooling-off",
                AssistanceText.Get("Credit.CoolingOff.Title"),
                AssistanceText.Get("Credit.CoolingOff.Law"),
                AssistanceText.Get("Credit.CoolingOff.Condition"),
                "cooling-off-hagaki-kakikata",
                "int-credit-koben");
            AddPayment(draft, facts);
            draft.Facts.Add(AssistanceText.Format("Fact.LinkedRule", coolingOff.Title));
            draft.Met.Add(AssistanceText.Get("Credit.Met.IndividualCredit"));
            draft.Met.Add(AssistanceText.Format("Credit.Met.CoolingOff", coolingOff.Title));
            draft.Unconfirmed.AddRange(coolingOff.Unconfirmed);
            draft.Notes.Add(AssistanceText.Get("Credit.Note.CreditDocument"));
            draft.Notes.Add(AssistanceText.Get("Credit.Note.Deemed"));
            var status = coolingOff.Status == RuleStatus.Applies ? RuleStatus.Applies : coolingOff.Status;
            yield return draft.Build(status, coolingOff.Deadline, facts.Today);
        }

        if (!found.Any(IsOpen))
        {
            yield break;
        }

        var defence = new RuleDraft(
            "credit.koben-setsuzoku",
            AssistanceText.Get("Credit.Defence.Title"),
            AssistanceText.Get(individual ? "Credit.Defence.Law.Individual" : "Credit.Defence.Law.Card"),
            AssistanceText.Get("Credit.Defence.Condition"),
            "credit-shiharai-teishi",
            "int-credit-koben");
        AddPayment(defence, facts);
        AddAmount(defence, facts);
        defence.Met.Add(AssistanceText.Get(individual ? "Credit.Met.IndividualCredit" : "Credit.Met.Card"));
        if (facts.ContractAmount is { } amount && amount < DefenceMinimumRevolving)
        {
            defence.Met.Add(AssistanceText.Format("Credit.Excluded.Amount", AssistanceText.Yen(amount)));
            yield return defence.Build(RuleStatus.Excluded, null, facts.Today);
            yield break;
        }

        defence.Unconfirmed.Add(AssistanceText.Format("Credit.Unconfirmed.Amount", AssistanceText.Yen(DefenceMinimumTotal), AssistanceText.Yen(DefenceMinimumRevolving)));
        if (card)
        {
            defence.Unconfirmed.Add(AssistanceText.Get("Credit.Unconfirmed.Instalments"));
        }

        defence.Unconfirmed.Add(AssistanceText.Get("Credit.Unconfirmed.Ground"));
        defence.Notes.Add(AssistanceText.Get("Credit.Note.Defence"));
        yield return defence.Build(RuleStatus.MayApply, null, facts.Today);
    }
}
