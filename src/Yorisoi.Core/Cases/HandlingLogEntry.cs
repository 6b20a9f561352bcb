namespace Yorisoi.Core.Cases;

public enum HandlingLogKind
{
    /// <summary>処理経過</summary>
    Handling = 0,

    /// <summary>あっせん entry</summary>
    Mediation = 1,
}

/// <summary>One entry of the handling log (処理経過). Append-only.</summary>
public class HandlingLogEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Case? Case { get; set; }

    public HandlingLogKind Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Code list "handlingMethod" (電話, 来所, 文書 …).</summary>
    public required string MethodCode { get; set; }

    /// <summary>Code list "counterpart" (消費者, 事業者, 他機関 …).</summary>
    public required string CounterpartCode { get; set; }

    /// <summary>Who at the counterpart (the business's department, the agency's name).</summary>
    public string? CounterpartName { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedById { get; set; }

    public string? CreatedByName { get; set; }
}

/// <summary>An explicit share of a case with another center for wide-area work.</summary>
public class CaseShare
{
    public Guid CaseId { get; set; }

    public Guid CenterId { get; set; }

    public DateTimeOffset SharedAt { get; set; }

    public Guid? SharedById { get; set; }

    public string? Reason { get; set; }
}

public enum CaseChangeKind
{
    Created = 0,
    FieldChanged = 1,
    StatusChanged = 2,
    HandlingLogAdded = 3,
    Shared = 4,
    MediationStarted = 5,
    MediationEnded = 6,
    FaqLinked = 7,
    FaqUnlinked = 8,
}

/// <summary>
/// One entry in a case's history: who changed what, when, from what to what. Values are encrypted
/// at rest because they may be personal.
/// </summary>
public class CaseChange
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public Case? Case { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public CaseChangeKind Kind { get; set; }

    /// <summary>Property path, e.g. "Business.Name" or "Consultant.Phone".</summary>
    public string? Field { get; set; }

    public bool IsPersonal { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? Comment { get; set; }
}

/// <summary>The last receipt sequence used per center and fiscal year.</summary>
public class ReceiptCounter
{
    public Guid CenterId { get; set; }

    public int FiscalYear { get; set; }

    public int LastSequence { get; set; }
}
