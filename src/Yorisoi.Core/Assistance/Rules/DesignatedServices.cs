namespace Yorisoi.Core.Assistance.Rules;

/// <summary>The seven designated continuous services (特定継続的役務, 特定商取引法施行令 別表第四).</summary>
public enum DesignatedService
{
    /// <summary>エステティック</summary>
    Esthetics = 1,

    /// <summary>美容医療 (only the methods the ministerial order names)</summary>
    CosmeticMedicine = 2,

    /// <summary>語学の教授 (語学教室)</summary>
    LanguageSchool = 3,

    /// <summary>家庭教師等</summary>
    HomeTutor = 4,

    /// <summary>学習塾等</summary>
    CramSchool = 5,

    /// <summary>パソコン教室</summary>
    ComputerSchool = 6,

    /// <summary>結婚相手紹介サービス</summary>
    MarriageIntroduction = 7,
}

/// <summary>
/// The limits of 特定商取引法第49条 and its cabinet order for one designated service: the period and amount above which
/// the contract is a 特定継続的役務提供契約, and the most the business may charge on mid-term cancellation
/// besides the value of the services already provided.
/// </summary>
/// <param name="MinimumMonthsExceeded">The service period must exceed this many months (1 for エステ・美容医療, 2 for the rest).</param>
/// <param name="BeforeStartFee">The cap before the services start (契約の締結及び履行のために通常要する費用).</param>
/// <param name="AfterStartFixedFee">The fixed amount of the cap after the services start.</param>
/// <param name="AfterStartPercentOfRemaining">The percentage of the remaining contract amount (契約残額) the cap may not exceed; null when the cap is one month's fee instead.</param>
public sealed record TerminationFeeLimit(
    DesignatedService Service,
    int MinimumMonthsExceeded,
    long BeforeStartFee,
    long AfterStartFixedFee,
    int? AfterStartPercentOfRemaining)
{
    /// <summary>The contract amount must exceed this (施行令第11条: 5万円を超える), 入会金 and related goods included.</summary>
    public const long MinimumAmountExceeded = 50_000;

    /// <summary>For 家庭教師 and 学習塾 the cap after the start is the lower of the fixed amount and one month's fee.</summary>
    public bool AfterStartCapIsOneMonthFee => AfterStartPercentOfRemaining is null;

    public static IReadOnlyList<TerminationFeeLimit> All { get; } =
    [
        new(DesignatedService.Esthetics, 1, 20_000, 20_000, 10),
        new(DesignatedService.CosmeticMedicine, 1, 20_000, 50_000, 20),
        new(DesignatedService.LanguageSchool, 2, 15_000, 50_000, 20),
        new(DesignatedService.HomeTutor, 2, 20_000, 50_000, null),
        new(DesignatedService.CramSchool, 2, 11_000, 20_000, null),
        new(DesignatedService.ComputerSchool, 2, 15_000, 50_000, 20),
        new(DesignatedService.MarriageIntroduction, 2, 30_000, 20_000, 20),
    ];

    public static TerminationFeeLimit For(DesignatedService service) => All.Single(l => l.Service == service);
}

/// <summary>
/// What a mid-term cancellation (中途解約) comes to. Amounts are null where the facts do not allow computing them;
/// <see cref="Limit"/> always holds the table for the service.
/// </summary>
/// <param name="RemainingAmount">契約残額: the contract amount less the value of the services provided.</param>
/// <param name="FeeCap">The most the business may charge as damages or a cancellation fee.</param>
/// <param name="MaximumCharge">The value of the services provided plus <paramref name="FeeCap"/> (late-payment interest aside).</param>
/// <param name="RefundDue">What the business must return of what was paid, at least.</param>
/// <param name="StillPayable">What the consumer may still have to pay, at most, when they paid less than the maximum charge.</param>
/// <param name="MonthlyFeeEstimated">One month's fee was estimated as contract amount ÷ months because it was not given.</param>
public sealed record TerminationSettlement(
    TerminationFeeLimit Limit,
    bool? ServicesStarted,
    long? ContractAmount,
    long? ServicesUsedAmount,
    long? RemainingAmount,
    long? FeeCap,
    long? MaximumCharge,
    long? AmountPaid,
    long? RefundDue,
    long? StillPayable,
    bool MonthlyFeeEstimated)
{
    /// <summary>Computes the settlement from what is known; fractions of a yen are dropped from the cap, in the consumer's favour.</summary>
    public static TerminationSettlement Compute(TerminationFeeLimit limit, CaseFacts facts)
    {
        var started = facts.ServicesStarted ?? (facts.ServicesUsedAmount > 0 ? true : null);
        long? used = started == false ? 0 : facts.ServicesUsedAmount;
        long? remaining = facts.ContractAmount is { } total && used is { } u ? Math.Max(0, total - u) : null;

        long? cap = null;
        var estimated = false;
        if (started == false)
        {
            cap = limit.BeforeStartFee;
        }
        else if (started == true && limit.AfterStartPercentOfRemaining is { } percent && remaining is { } rest)
        {
            cap = Math.Min(limit.AfterStartFixedFee, rest * percent / 100);
        }
        else if (started == true && limit.AfterStartCapIsOneMonthFee)
        {
            var monthly = facts.MonthlyFee;
            if (monthly is null && facts.ContractAmount is { } amount && facts.ContractPeriodMonths is { } months && months > 0)
            {
                monthly = amount / months;
                estimated = true;
            }

            cap = monthly is { } m ? Math.Min(limit.AfterStartFixedFee, m) : null;
        }

        // Before the start nothing has been provided, so the cap alone is the most that may be charged.
        long? maximum = cap is { } c && used is { } provided ? provided + c : null;
        long? refund = maximum is { } max && facts.AmountPaid is { } paid ? Math.Max(0, paid - max) : null;
        long? stillPayable = maximum is { } most && facts.AmountPaid is { } paidSoFar ? Math.Max(0, most - paidSoFar) : null;
        return new TerminationSettlement(limit, started, facts.ContractAmount, used, remaining, cap, maximum, facts.AmountPaid, refund, stillPayable, estimated);
    }
}
