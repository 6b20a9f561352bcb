namespace Yorisoi.Core.Assistance.Rules;

/// <summary>The code-list values (codelists-2021.json) the rules read.</summary>
internal static class RuleCodes
{
    public const string StorePurchase = "S1";
    public const string DoorToDoorSales = "S2";
    public const string MailOrder = "S3";
    public const string MultiLevelMarketing = "S4";
    public const string TelemarketingSales = "S5";
    public const string DoorToDoorPurchase = "S7";

    /// <summary>その他無店舗: 業務提供誘引販売取引 is filed here.</summary>
    public const string OtherNonStore = "S8";

    public const string CashInFull = "P01";
    public const string CardInstalments = "P04";
    public const string IndividualCredit = "P05";

    public const string CoolingOffKeyword = "K0105";
    public const string DocumentKeyword = "K0106";
    public const string MinorKeyword = "K0107";
    public const string CancellationFeeKeyword = "K0103";
    public const string ReturnKeyword = "K0104";
    public const string PushyKeyword = "K0201";
    public const string LongSolicitationKeyword = "K0202";
    public const string FalseExplanationKeyword = "K0203";
    public const string InsufficientExplanationKeyword = "K0204";
    public const string ImpairedJudgementKeyword = "K0212";
    public const string RepeatedSalesKeyword = "K0213";
    public const string SideBusinessKeyword = "K0217";
    public const string CancellationObstructedKeyword = "K0704";
    public const string ConsumerContractActKeyword = "K0802";

    public const string AgeBandUnder20 = "A1";
    public const string AgeBand70s = "A7";
    public const string AgeBand80Plus = "A8";

    public const string NewCar = "0801";
    public const string UsedCar = "0802";
    public const string MultiLevelProduct = "2303";
    public const string HomeWork = "2301";
    public const string SideJob = "2302";

    /// <summary>Top-level product codes 01–10 are goods (商品); 11 onwards are services (役務).</summary>
    public static bool IsGoods(string? productCode) =>
        productCode is { Length: >= 2 } && int.TryParse(productCode.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var top) && top <= 10;

    public static bool IsService(string? productCode) => productCode is { Length: >= 2 } && !IsGoods(productCode);

    /// <summary>
    /// Products that fall under the 政令指定消耗品 (特定商取引法施行令 別表第三): 健康食品, 化粧品・石けん・浴用剤,
    /// 合成洗剤・洗浄剤・ワックス, 履物, 生理用品・コンドーム. 0605 衛生用品 and 0307 洗剤・掃除用品 hold items outside
    /// the list too, so the rule only asks.
    /// </summary>
    public static readonly IReadOnlySet<string> DesignatedConsumables = new HashSet<string>(StringComparer.Ordinal) { "0201", "0601", "0307", "0505", "0605" };
}
