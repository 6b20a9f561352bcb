using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Resources;
using Yorisoi.Text;
using Yorisoi.Text.Search;

namespace Yorisoi.Core.Search;

/// <summary>
/// The fields of the case index. Only what is not personal: no name, address, phone, e-mail or contact note of the
/// person consulting or the contract party (the [PersonalField] properties of <see cref="Party"/>), and of the contract
/// party only the prefecture (the first two digits of the municipality code). Users name fields in queries by the
/// Japanese aliases (事業者:, 受付番号:, 分類: …); <see cref="VisibleTo"/> has none, so only the caller filters by it.
/// </summary>
public static class CaseIndexSchema
{
    /// <summary>Changes when the fields or their analysis change; an index of another version is rebuilt.</summary>
    public const string Version = "4";

    public const string Narrative = "narrative";
    public const string HandlingLog = "log";
    public const string RequestNote = "request";
    public const string BusinessName = "businessName";
    public const string Business = "business";
    public const string Receipt = "receipt";
    public const string Product = "product";
    public const string Product1 = "product1";
    public const string Product2 = "product2";
    public const string SalesForm = "salesForm";
    public const string PaymentMethod = "paymentMethod";
    public const string Keyword = "keyword";
    public const string Prefecture = "prefecture";
    public const string Status = "status";
    public const string FiscalYear = "fiscalYear";
    public const string Center = "center";
    public const string VisibleTo = "visibleTo";
    public const string Received = "received";
    public const string Amount = "amount";

    /// <summary>The fields counted for the facets of a result, in the order they are shown.</summary>
    public static IReadOnlyList<string> Facets { get; } = [Product1, Product2, SalesForm, Keyword, Prefecture, Status, FiscalYear];

    /// <summary>The text fields snippets are cut from.</summary>
    public static IReadOnlyList<string> SnippetFields { get; } = [Narrative, HandlingLog, RequestNote];

    public static TextIndexSchema Create(CodeListVersion codes)
    {
        // Code fields take a code or a code's name (分類:健康食品 as well as 分類:0201), so both are indexed as codes.
        Func<string, string> CodeOf(string list) => value =>
        {
            var trimmed = value.Trim();
            if (codes.Find(list, trimmed) is not null)
            {
                return trimmed;
            }

            var folded = JapaneseNormalizer.Fold(trimmed);
            return codes.Items(list).FirstOrDefault(i => JapaneseNormalizer.Fold(i.Name) == folded)?.Code ?? trimmed;
        };

        return TextIndexSchema.Create()
            .Text(Narrative, "概要", "相談概要")
            .Text(HandlingLog, "処理経過")
            .Text(RequestNote, "要望")
            .Text(BusinessName, "事業者名")
            .Keyword(Business, facet: false, key: BusinessNameFolder.Key, "事業者")
            .Keyword(Receipt, facet: false, key: v => CaseService.NormalizeReceiptNumber(v) ?? string.Empty, "受付番号")
            .Keyword(Product, facet: false, key: CodeOf(CodeListNames.Product), "分類", "商品役務")
            .Keyword(Product1, facet: true, key: null)
            .Keyword(Product2, facet: true, key: null)
            .Keyword(SalesForm, facet: true, key: CodeOf(CodeListNames.SalesForm), "販売購入形態", "販売形態")
            .Keyword(PaymentMethod, facet: false, key: CodeOf(CodeListNames.PaymentMethod), "支払方法")
            .Keyword(Keyword, facet: true, key: CodeOf(CodeListNames.Keyword), "内容キーワード", "キーワード")
            .Keyword(Prefecture, facet: true, key: null, "都道府県")
            .Keyword(Status, facet: true, key: StatusKey, "状態", "ステータス")
            .Keyword(FiscalYear, facet: true, key: null, "年度")
            .Keyword(Center, facet: false, key: null)
            .Keyword(VisibleTo, facet: false, key: null)
            .Date(Received, "受付日")
            .Number(Amount, "金額", "契約金額")
            .Build();
    }

    /// <summary>状態:対応中 and status:InProgress mean the same.</summary>
    public static string StatusKey(string value)
    {
        var trimmed = value.Trim();
        if (Enum.TryParse<CaseStatus>(trimmed, ignoreCase: true, out var status) && Enum.IsDefined(status) && !trimmed.All(char.IsAsciiDigit))
        {
            return status.ToString();
        }

        return Enum.GetValues<CaseStatus>().Where(s => Messages.Status(s) == trimmed).Select(s => s.ToString()).FirstOrDefault() ?? trimmed;
    }
}
