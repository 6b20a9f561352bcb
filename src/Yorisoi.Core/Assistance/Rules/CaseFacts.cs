using Yorisoi.Core.Cases;

namespace Yorisoi.Core.Assistance.Rules;

/// <summary>
/// What the rules read from a case. Every fact the case record does not hold is null until the counselor asks:
/// a rule that needs it says so instead of assuming.
/// </summary>
public sealed record CaseFacts
{
    /// <summary>The date the evaluation is for (the Asia/Tokyo date); days left count from it.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>販売購入形態 (S1..S9).</summary>
    public string? SalesFormCode { get; init; }

    /// <summary>商品・役務分類 (leaf code, e.g. 2101 エステティックサービス).</summary>
    public string? ProductCode { get; init; }

    public IReadOnlySet<string> KeywordCodes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public DateOnly? ContractDate { get; init; }

    /// <summary>The day the legal document (法定書面) was received; null when not received or not known.</summary>
    public DateOnly? DocumentReceivedDate { get; init; }

    /// <summary>The document lacks items the law requires (書面不備); null when nobody has checked.</summary>
    public bool? DocumentDefective { get; init; }

    /// <summary>The business misled or intimidated the consumer about cooling-off (クーリング・オフ妨害).</summary>
    public bool? CoolingOffObstructed { get; init; }

    /// <summary>The day the goods (the first delivery) were received.</summary>
    public DateOnly? GoodsReceivedDate { get; init; }

    /// <summary>契約購入金額 in yen, 入会金 and related goods included.</summary>
    public long? ContractAmount { get; init; }

    /// <summary>既支払額 in yen.</summary>
    public long? AmountPaid { get; init; }

    /// <summary>支払方法 (P01..P15).</summary>
    public string? PaymentMethodCode { get; init; }

    /// <summary>The contract party's exact age on the contract date, when known.</summary>
    public int? AgeAtContract { get; init; }

    /// <summary>The contract party's date of birth, when the consumer gives it (never taken from the case automatically).</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>The contract party's age band (A1 20歳未満 …).</summary>
    public string? AgeBandCode { get; init; }

    /// <summary>The legal representative (parent) consented to the contract.</summary>
    public bool? RepresentativeConsented { get; init; }

    /// <summary>Length of the service period in months, part months rounded up (1 month and 10 days is 2).</summary>
    public int? ContractPeriodMonths { get; init; }

    /// <summary>The designated continuous service the contract is for, when the product code cannot say.</summary>
    public DesignatedService? DesignatedService { get; init; }

    /// <summary>The services had started (役務提供の開始).</summary>
    public bool? ServicesStarted { get; init; }

    /// <summary>The value of the services already provided (提供済み役務の対価) in yen, at the contract's unit price.</summary>
    public long? ServicesUsedAmount { get; init; }

    /// <summary>One month's fee (1か月分の授業料) in yen, for 家庭教師 and 学習塾.</summary>
    public long? MonthlyFee { get; init; }

    /// <summary>A return clause (返品特約) was shown in the advertisement or order screen.</summary>
    public bool? ReturnClauseShown { get; init; }

    /// <summary>The consumer used or consumed designated consumables.</summary>
    public bool? ConsumablesUsed { get; init; }

    /// <summary>相談概要: the narrative the situations are read from.</summary>
    public string Narrative { get; init; } = "";

    /// <summary>The facts a case record holds; everything else stays unknown.</summary>
    public static CaseFacts From(Case c, DateOnly today) => new()
    {
        Today = today,
        SalesFormCode = c.SalesFormCode,
        ProductCode = c.ProductCode,
        KeywordCodes = c.Keywords.Select(k => k.Code).ToHashSet(StringComparer.Ordinal),
        ContractDate = c.ContractDate,
        DocumentReceivedDate = c.DocumentReceivedDate,
        ContractAmount = c.ContractAmount,
        AmountPaid = c.AmountPaid,
        PaymentMethodCode = c.PaymentMethodCode,
        AgeBandCode = c.ContractParty.AgeBandCode,
        Narrative = c.Summary,
    };

    internal bool Has(string keywordCode) => KeywordCodes.Contains(keywordCode);

    internal bool IsSalesForm(string code) => string.Equals(SalesFormCode, code, StringComparison.Ordinal);
}
