namespace Yorisoi.Core.Assistance.Rules;

/// <summary>How far a case's facts carry a rule.</summary>
public enum RuleStatus
{
    /// <summary>The facts recorded meet the rule's conditions and its period is running.</summary>
    Applies = 0,

    /// <summary>The rule may apply; the suggestion's unconfirmed conditions say what to check.</summary>
    MayApply = 1,

    /// <summary>The period has not started: no proper legal document (法定書面) yet, or it was defective.</summary>
    PeriodNotStarted = 2,

    /// <summary>The period the facts show has ended.</summary>
    Expired = 3,

    /// <summary>The case falls under an exclusion (適用除外) the counselor would otherwise expect not to.</summary>
    Excluded = 4,
}

/// <summary>
/// One consumer-law rule that may apply to a case, with its condition in plain Japanese, the law and article,
/// the deadline computed from the case's dates and the FAQ entries that explain it.
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>cooling-off.houmon-hanbai</c>.</param>
/// <param name="Title">Japanese title.</param>
/// <param name="Law">The law and article, e.g. 特定商取引法第9条.</param>
/// <param name="Condition">What must be true for the rule to apply.</param>
/// <param name="Met">Conditions the case's facts show.</param>
/// <param name="Unconfirmed">Conditions the facts do not show yet, to ask the consumer about.</param>
/// <param name="Deadline">The last day the right can be used, when the dates allow computing it.</param>
/// <param name="DaysLeft">Days from the evaluation date to <paramref name="Deadline"/>: 0 on the last day, negative after it.</param>
/// <param name="Reason">The facts the rule used, in one line.</param>
/// <param name="Notes">How to use the right, and points marked 要確認.</param>
/// <param name="FaqIds">The public FAQ entry first, then the internal one where there is one.</param>
/// <param name="Settlement">For 中途解約 of a designated continuous service: the fee limit and, when the amounts are known, the computed settlement.</param>
public sealed record RuleSuggestion(
    string Id,
    string Title,
    string Law,
    RuleStatus Status,
    string Condition,
    IReadOnlyList<string> Met,
    IReadOnlyList<string> Unconfirmed,
    DateOnly? Deadline,
    int? DaysLeft,
    string Reason,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> FaqIds,
    TerminationSettlement? Settlement = null);
