using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Assistance.Rules;

public static partial class ApplicableRules
{
    internal const int ShortCoolingOffDays = 8;
    internal const int LongCoolingOffDays = 20;

    /// <summary>施行令: a cash deal completed at the contract below this total has no cooling-off.</summary>
    internal const long SmallCashLimit = 3_000;

    private static readonly HashSet<string> s_doorToDoorPurchaseExcludedCandidates = new(StringComparer.Ordinal)
    {
        // 自動車, 家具・寝具, 家電, 映像音響機器, 書籍: the cabinet order excludes cars, furniture, large appliances,
        // books and recorded media from 訪問購入, but the product codes are wider than those items.
        RuleCodes.NewCar, RuleCodes.UsedCar, "0301", "0303", "0703", "0704",
    };

    private static IEnumerable<RuleSuggestion> CoolingOff(CaseFacts facts)
    {
        if (facts.IsSalesForm(RuleCodes.DoorToDoorSales))
        {
            yield return DoorToDoorOrTelemarketing(facts, telemarketing: false);
        }

        if (facts.IsSalesForm(RuleCodes.TelemarketingSales))
        {
            yield return DoorToDoorOrTelemarketing(facts, telemarketing: true);
        }

        if (facts.IsSalesForm(RuleCodes.MultiLevelMarketing) || string.Equals(facts.ProductCode, RuleCodes.MultiLevelProduct, StringComparison.Ordinal))
        {
            yield return MultiLevelMarketing(facts);
        }

        var service = ResolveService(facts);
        if (service is { } designated)
        {
            yield return ContinuousService(facts, designated.Service, designated.Certain);
        }

        if (facts.Has(RuleCodes.SideBusinessKeyword) || facts.ProductCode is RuleCodes.HomeWork or RuleCodes.SideJob)
        {
            yield return BusinessOpportunity(facts);
        }

        if (facts.IsSalesForm(RuleCodes.DoorToDoorPurchase))
        {
            yield return DoorToDoorPurchase(facts);
        }

        if (facts.IsSalesForm(RuleCodes.StorePurchase) && facts.Has(RuleCodes.CoolingOffKeyword) && service is null)
        {
            yield return NoCoolingOffInStore(facts);
        }
    }

    private static RuleSuggestion DoorToDoorOrTelemarketing(CaseFacts facts, bool telemarketing)
    {
        var draft = telemarketing
            ? new RuleDraft(
                "cooling-off.denwa-kanyu",
                AssistanceText.Get("CoolingOff.Telemarketing.Title"),
                AssistanceText.Get("CoolingOff.Telemarketing.Law"),
                AssistanceText.Get("CoolingOff.Telemarketing.Condition"),
                "denwa-kanyu-cooling-off",
                "int-denwa-kanyu")
            : new RuleDraft(
                "cooling-off.houmon-hanbai",
                AssistanceText.Get("CoolingOff.DoorToDoor.Title"),
                AssistanceText.Get("CoolingOff.DoorToDoor.Law"),
                AssistanceText.Get("CoolingOff.DoorToDoor.Condition"),
                "houmon-hanbai-cooling-off",
                "int-cooling-off-houmon");
        draft.Met.Add(AssistanceText.Format("CoolingOff.Met.SalesForm", SalesFormName(facts)));
        AddSalesForm(draft, facts);
        AddProduct(draft, facts);

        if (facts.ProductCode is RuleCodes.NewCar or RuleCodes.UsedCar)
        {
            draft.Met.Add(AssistanceText.Get("CoolingOff.Excluded.Car"));
            draft.Unconfirmed.Add(AssistanceText.Get("CoolingOff.Unconfirmed.Car"));
            draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.OtherRemedies"));
            return draft.Build(RuleStatus.Excluded, null, facts.Today);
        }

        if (string.Equals(facts.PaymentMethodCode, RuleCodes.CashInFull, StringComparison.Ordinal) && facts.ContractAmount is { } cash && cash < SmallCashLimit)
        {
            AddAmount(draft, facts);
            AddPayment(draft, facts);
            draft.Met.Add(AssistanceText.Format("CoolingOff.Excluded.SmallCash", AssistanceText.Yen(cash)));
            draft.Unconfirmed.Add(AssistanceText.Get("CoolingOff.Unconfirmed.SmallCash"));
            draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.OtherRemedies"));
            return draft.Build(RuleStatus.Excluded, null, facts.Today);
        }

        if (facts.ProductCode is { } product && RuleCodes.DesignatedConsumables.Contains(product))
        {
            draft.LinkFaq("shoumouhin-shiyou");
            draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.Consumables"));
            if (facts.ConsumablesUsed == true)
            {
                draft.Unconfirmed.Add(AssistanceText.Get("CoolingOff.Unconfirmed.ConsumablesUsed"));
            }
        }

        return CoolingOffPeriod(draft, facts, facts.DocumentReceivedDate, ShortCoolingOffDays, certain: true);
    }

    private static RuleSuggestion MultiLevelMarketing(CaseFacts facts)
    {
        var draft = new RuleDraft(
            "cooling-off.rensa-hanbai",
            AssistanceText.Get("CoolingOff.MultiLevel.Title"),
            AssistanceText.Get("CoolingOff.MultiLevel.Law"),
            AssistanceText.Get("CoolingOff.MultiLevel.Condition"),
            "multi-shouhou",
            "int-multi");
        var certain = facts.IsSalesForm(RuleCodes.MultiLevelMarketing);
        if (certain)
        {
            draft.Met.Add(AssistanceText.Format("CoolingOff.Met.SalesForm", SalesFormName(facts)));
            AddSalesForm(draft, facts);
        }
        else
        {
            AddProduct(draft, facts);
            draft.Unconfirmed.Add(AssistanceText.Get("CoolingOff.Unconfirmed.MultiLevel"));
        }

        // The 20 days run from the contract document, or from the first delivery of goods for resale when that came later.
        DateOnly? firstDay = facts.DocumentReceivedDate;
        if (facts is { DocumentReceivedDate: { } document, GoodsReceivedDate: { } goods })
        {
            draft.Facts.Add(AssistanceText.Format("Fact.GoodsReceived", AssistanceText.Date(goods)));
            firstDay = goods > document ? goods : document;
            draft.Met.Add(AssistanceText.Format("CoolingOff.Met.LaterOfDocumentAndGoods", AssistanceText.Date(firstDay.Value)));
        }
        else if (facts.DocumentReceivedDate is not null)
        {
            draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.MultiLevelGoods"));
        }

        draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.MultiLevelWithdrawal"));
        return CoolingOffPeriod(draft, facts, firstDay, LongCoolingOffDays, certain);
    }

    private static RuleSuggestion ContinuousService(CaseFacts facts, DesignatedService service, bool certain)
    {
        var draft = new RuleDraft(
            "cooling-off.tokutei-keizoku",
            AssistanceText.Get("CoolingOff.ContinuousService.Title"),
            AssistanceText.Get("CoolingOff.ContinuousService.Law"),
            AssistanceText.Get("CoolingOff.ContinuousService.Condition"),
            ServiceFaq(service),
            "int-tokutei-keizoku");
        if (!QualifiesAsContinuousService(draft, facts, service, certain))
        {
            draft.Notes.Add(AssistanceText.Get("ContinuousService.Note.NotDesignated"));
            return draft.Build(RuleStatus.Excluded, null, facts.Today);
        }

        draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.RelatedGoods"));
        return CoolingOffPeriod(draft, facts, facts.DocumentReceivedDate, ShortCoolingOffDays, certain);
    }

    private static RuleSuggestion BusinessOpportunity(CaseFacts facts)
    {
        var draft = new RuleDraft(
            "cooling-off.gyomu-teikyo",
            AssistanceText.Get("CoolingOff.BusinessOpportunity.Title"),
            AssistanceText.Get("CoolingOff.BusinessOpportunity.Law"),
            AssistanceText.Get("CoolingOff.BusinessOpportunity.Condition"),
            "gyomu-teikyo-yuin",
            "int-gyomu-teikyo");
        AddSalesForm(draft, facts);
        AddProduct(draft, facts);
        if (facts.Has(RuleCodes.SideBusinessKeyword))
        {
            draft.Facts.Add(AssistanceText.Get("Fact.SideBusinessKeyword"));
        }

        // 業務提供誘引販売取引 is filed under その他無店舗; under another sales form the signal alone does not settle it.
        var certain = facts.IsSalesForm(RuleCodes.OtherNonStore);
        if (certain)
        {
            draft.Met.Add(AssistanceText.Get("CoolingOff.Met.BusinessOpportunity"));
        }
        else
        {
            draft.Unconfirmed.Add(AssistanceText.Get("CoolingOff.Unconfirmed.BusinessOpportunity"));
        }

        return CoolingOffPeriod(draft, facts, facts.DocumentReceivedDate, LongCoolingOffDays, certain);
    }

    private static RuleSuggestion DoorToDoorPurchase(CaseFacts facts)
    {
        var draft = new RuleDraft(
            "cooling-off.houmon-kounyu",
            AssistanceText.Get("CoolingOff.DoorToDoorPurchase.Title"),
            AssistanceText.Get("CoolingOff.DoorToDoorPurchase.Law"),
            AssistanceText.Get("CoolingOff.DoorToDoorPurchase.Condition"),
            "oshigai-houmon-kounyu",
            "int-houmon-kounyu");
        draft.Met.Add(AssistanceText.Format("CoolingOff.Met.SalesForm", SalesFormName(facts)));
        AddSalesForm(draft, facts);
        AddProduct(draft, facts);
        if (facts.ProductCode is { } product && s_doorToDoorPurchaseExcludedCandidates.Contains(product))
        {
            draft.Unconfirmed.Add(AssistanceText.Get("CoolingOff.Unconfirmed.DoorToDoorPurchaseItem"));
        }

        draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.RefuseHandover"));
        return CoolingOffPeriod(draft, facts, facts.DocumentReceivedDate, ShortCoolingOffDays, certain: true);
    }

    private static RuleSuggestion NoCoolingOffInStore(CaseFacts facts)
    {
        var draft = new RuleDraft(
            "cooling-off.tenpo",
            AssistanceText.Get("CoolingOff.Store.Title"),
            AssistanceText.Get("CoolingOff.Store.Law"),
            AssistanceText.Get("CoolingOff.Store.Condition"),
            "tenpo-kounyu-cooling-off");
        AddSalesForm(draft, facts);
        draft.Facts.Add(AssistanceText.Get("Fact.CoolingOffKeyword"));
        draft.Met.Add(AssistanceText.Format("CoolingOff.Met.SalesForm", SalesFormName(facts)));
        draft.Unconfirmed.Add(AssistanceText.Get("CoolingOff.Unconfirmed.CatchSales"));
        draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.StoreReturns"));
        return draft.Build(RuleStatus.Excluded, null, facts.Today);
    }

    /// <summary>
    /// The period of a cooling-off counted from <paramref name="firstDay"/> (the day the legal document, or for 連鎖販売
    /// the later goods, were received), with the cases where it has not started: no document, a defective document,
    /// or obstruction by the business.
    /// </summary>
    private static RuleSuggestion CoolingOffPeriod(RuleDraft draft, CaseFacts facts, DateOnly? firstDay, int days, bool certain)
    {
        if (facts.DocumentReceivedDate is { } received)
        {
            draft.Facts.Add(AssistanceText.Format("Fact.DocumentReceived", AssistanceText.Date(received)));
        }

        if (facts.DocumentDefective == true)
        {
            draft.Facts.Add(AssistanceText.Get("Fact.DocumentDefective"));
            draft.Met.Add(AssistanceText.Get("CoolingOff.Met.DocumentDefective"));
            draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.NotStarted"));
            draft.LinkFaq("cooling-off-kigen-sugita");
            return draft.Build(RuleStatus.PeriodNotStarted, null, facts.Today);
        }

        if (facts.CoolingOffObstructed == true)
        {
            draft.Facts.Add(AssistanceText.Get("Fact.Obstructed"));
            draft.Met.Add(AssistanceText.Get("CoolingOff.Met.Obstructed"));
            draft.Notes.Add(AssistanceText.Format("CoolingOff.Note.Obstruction", days));
            draft.LinkFaq("cooling-off-kigen-sugita");
            return draft.Build(RuleStatus.PeriodNotStarted, null, facts.Today);
        }

        if (firstDay is not { } start)
        {
            draft.Unconfirmed.Add(AssistanceText.Get("CoolingOff.Unconfirmed.Document"));
            draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.NotStarted"));
            draft.LinkFaq("cooling-off-kigen-sugita");
            return draft.Build(RuleStatus.PeriodNotStarted, null, facts.Today);
        }

        var last = LegalPeriods.LastDayCountingFrom(start, days);
        draft.Notes.Add(AssistanceText.Format("CoolingOff.Note.Counting", days, AssistanceText.Date(start), AssistanceText.Date(last)));
        draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.Sending"));
        draft.Notes.Add(AssistanceText.Get("CoolingOff.Note.Holiday"));
        draft.LinkFaq("cooling-off-hagaki-kakikata");
        draft.LinkFaq("cooling-off-mail");
        if (facts.Today <= last)
        {
            var status = certain && draft.Unconfirmed.Count == 0 ? RuleStatus.Applies : RuleStatus.MayApply;
            return draft.Build(status, last, facts.Today);
        }

        // Past the last day by the dates recorded; a document problem or obstruction the keywords hint at would mean the
        // period never ran, so the counselor checks before treating it as over.
        draft.LinkFaq("cooling-off-kigen-sugita");
        var check = false;
        if (facts.Has(RuleCodes.DocumentKeyword) && facts.DocumentDefective is null)
        {
            draft.Unconfirmed.Add(AssistanceText.Get("CoolingOff.Unconfirmed.DocumentDefect"));
            check = true;
        }

        if (facts.Has(RuleCodes.CancellationObstructedKeyword) && facts.CoolingOffObstructed is null)
        {
            draft.Unconfirmed.Add(AssistanceText.Format("CoolingOff.Unconfirmed.Obstruction", days));
            check = true;
        }

        draft.Notes.Add(AssistanceText.Format("CoolingOff.Note.AfterExpiry", days));
        return draft.Build(check ? RuleStatus.MayApply : RuleStatus.Expired, last, facts.Today);
    }
}
