using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Assistance.Rules;

public static partial class ApplicableRules
{
    internal const int MailOrderReturnDays = 8;

    /// <summary>
    /// 通信販売 has no cooling-off; goods may be returned within 8 days of receipt unless a return clause (返品特約) was
    /// shown (特定商取引法第15条の3). Services are outside it, said only when the counselor looked for a cooling-off.
    /// </summary>
    private static IEnumerable<RuleSuggestion> MailOrderReturn(CaseFacts facts)
    {
        if (!facts.IsSalesForm(RuleCodes.MailOrder))
        {
            yield break;
        }

        var draft = new RuleDraft(
            "tsuhan.henpin",
            AssistanceText.Get("MailOrder.Title"),
            AssistanceText.Get("MailOrder.Law"),
            AssistanceText.Get("MailOrder.Condition"),
            "tsuhan-henpin",
            "int-teiki-kounyu");
        AddSalesForm(draft, facts);
        AddProduct(draft, facts);
        draft.Met.Add(AssistanceText.Format("CoolingOff.Met.SalesForm", SalesFormName(facts)));
        draft.Notes.Add(AssistanceText.Get("MailOrder.Note.NoCoolingOff"));

        if (RuleCodes.IsService(facts.ProductCode))
        {
            if (facts.Has(RuleCodes.CoolingOffKeyword) || facts.Has(RuleCodes.ReturnKeyword))
            {
                draft.Met.Add(AssistanceText.Get("MailOrder.Excluded.Service"));
                yield return draft.Build(RuleStatus.Excluded, null, facts.Today);
            }

            yield break;
        }

        if (facts.ProductCode is null)
        {
            draft.Unconfirmed.Add(AssistanceText.Get("MailOrder.Unconfirmed.Goods"));
        }

        if (facts.ReturnClauseShown == true)
        {
            draft.Facts.Add(AssistanceText.Get("Fact.ReturnClauseShown"));
            draft.Met.Add(AssistanceText.Get("MailOrder.Excluded.Clause"));
            yield return draft.Build(RuleStatus.Excluded, null, facts.Today);
            yield break;
        }

        if (facts.ReturnClauseShown is null)
        {
            draft.Unconfirmed.Add(AssistanceText.Get("MailOrder.Unconfirmed.Clause"));
        }
        else
        {
            draft.Facts.Add(AssistanceText.Get("Fact.NoReturnClause"));
            draft.Met.Add(AssistanceText.Get("MailOrder.Met.NoClause"));
        }

        draft.Notes.Add(AssistanceText.Get("MailOrder.Note.Cost"));
        if (facts.GoodsReceivedDate is not { } received)
        {
            draft.Unconfirmed.Add(AssistanceText.Get("MailOrder.Unconfirmed.Received"));
            yield return draft.Build(RuleStatus.PeriodNotStarted, null, facts.Today);
            yield break;
        }

        draft.Facts.Add(AssistanceText.Format("Fact.GoodsReceived", AssistanceText.Date(received)));
        var last = LegalPeriods.LastDayCountingFrom(received, MailOrderReturnDays);
        var status = facts.Today > last ? RuleStatus.Expired : draft.Unconfirmed.Count == 0 ? RuleStatus.Applies : RuleStatus.MayApply;
        yield return draft.Build(status, last, facts.Today);
    }
}
