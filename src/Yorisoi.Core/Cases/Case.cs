namespace Yorisoi.Core.Cases;

public enum CaseStatus
{
    /// <summary>受付</summary>
    Received = 0,

    /// <summary>対応中</summary>
    InProgress = 1,

    /// <summary>決裁待ち</summary>
    AwaitingApproval = 2,

    /// <summary>完了 (approved; read-only until reopened)</summary>
    Completed = 3,
}

public enum MediationOutcome
{
    None = 0,

    /// <summary>あっせん解決</summary>
    Resolved = 1,

    /// <summary>あっせん不調</summary>
    Failed = 2,
}

/// <summary>
/// A consultation case (相談情報), shaped after the PIO-NET record: receipt, the person consulting and
/// the contract party, the business, classification, money, dates, narrative, handling and result.
/// </summary>
public class Case
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CenterId { get; set; }

    /// <summary>Fiscal year (April–March) the receipt number belongs to, e.g. 2026 for 2026-04-01..2027-03-31.</summary>
    public int FiscalYear { get; set; }

    public int ReceiptSequence { get; set; }

    /// <summary>Human-facing receipt number, unique per center and fiscal year.</summary>
    public string ReceiptNumber { get; set; } = "";

    /// <summary>Idempotency key sent with a registration, so a double-submitted form creates one case.</summary>
    public Guid? ClientRequestId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>受付方法 (code list "channel").</summary>
    public string ChannelCode { get; set; } = "";

    /// <summary>The code-list version the case was recorded with.</summary>
    public string CodeListVersion { get; set; } = "";

    public CaseStatus Status { get; set; }

    public Guid? AssigneeId { get; set; }

    /// <summary>相談者: the person who called (may differ from the contract party).</summary>
    public Party Consultant { get; set; } = new();

    /// <summary>相談者と契約当事者の関係 (code list "relationship").</summary>
    public string? RelationshipCode { get; set; }

    /// <summary>契約当事者.</summary>
    public Party ContractParty { get; set; } = new();

    public Business Business { get; set; } = new();

    /// <summary>相談概要.</summary>
    public string Summary { get; set; } = "";

    /// <summary>相談者の要望 (code list "consumerRequest").</summary>
    public string? ConsumerRequestCode { get; set; }

    public string? ConsumerRequestNote { get; set; }

    /// <summary>商品・役務分類 (leaf of the "product" tree).</summary>
    public string? ProductCode { get; set; }

    /// <summary>販売購入形態.</summary>
    public string? SalesFormCode { get; set; }

    /// <summary>支払方法.</summary>
    public string? PaymentMethodCode { get; set; }

    public List<CaseKeyword> Keywords { get; set; } = [];

    /// <summary>請求金額 (yen).</summary>
    public long? AmountBilled { get; set; }

    /// <summary>契約購入金額 (yen).</summary>
    public long? ContractAmount { get; set; }

    /// <summary>既支払額 (yen).</summary>
    public long? AmountPaid { get; set; }

    /// <summary>救済金額 (yen): money returned or not paid thanks to the center.</summary>
    public long? AmountRelieved { get; set; }

    public DateOnly? ContractDate { get; set; }

    /// <summary>The date the consumer received the legally required document (法定書面); cooling-off counts from it.</summary>
    public DateOnly? DocumentReceivedDate { get; set; }

    /// <summary>危害・危険.</summary>
    public string? HarmCode { get; set; }

    /// <summary>処理結果.</summary>
    public string? ResultCode { get; set; }

    /// <summary>The consumer agreed that the center may tell the business who they are.</summary>
    public bool ConsentToDiscloseToBusiness { get; set; }

    /// <summary>The consumer agreed that the case may be shared with other centers for wide-area work.</summary>
    public bool ConsentToShareWithCenters { get; set; }

    public bool IsMediation { get; set; }

    public DateTimeOffset? MediationStartedAt { get; set; }

    public DateTimeOffset? MediationEndedAt { get; set; }

    public MediationOutcome MediationOutcome { get; set; }

    public Guid? ApprovedById { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The supervisor's comment when the case was last returned.</summary>
    public string? ReturnComment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedById { get; set; }

    /// <summary>Optimistic concurrency: a save based on an older version is refused.</summary>
    public int Version { get; set; }

    public List<HandlingLogEntry> HandlingLog { get; set; } = [];

    public List<CaseShare> Shares { get; set; } = [];
}

/// <summary>A person in a case. Contact details are personal data, encrypted at rest.</summary>
public class Party
{
    [PersonalField]
    public string? Name { get; set; }

    [PersonalField]
    public string? NameKana { get; set; }

    [PersonalField]
    public string? Phone { get; set; }

    [PersonalField]
    public string? Email { get; set; }

    [PersonalField]
    public string? PostalCode { get; set; }

    [PersonalField]
    public string? Address { get; set; }

    [PersonalField]
    public string? ContactNote { get; set; }

    /// <summary>Keyed hash of the normalised phone number, to recognise a repeat consumer.</summary>
    public string? PhoneHash { get; set; }

    public string? AgeBandCode { get; set; }

    public string? GenderCode { get; set; }

    public string? OccupationCode { get; set; }

    /// <summary>5-digit municipality code (全国地方公共団体コード without check digit).</summary>
    public string? MunicipalityCode { get; set; }
}

/// <summary>The business (事業者). Not personal data: businesses are named in analyses and warnings.</summary>
public class Business
{
    public string? Name { get; set; }

    public string? NameKana { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Url { get; set; }

    /// <summary>法人番号: 13 digits with a check digit.</summary>
    public string? CorporateNumber { get; set; }

    /// <summary>Folded name for case-insensitive, width-insensitive search.</summary>
    public string? NameFolded { get; set; }
}

public class CaseKeyword
{
    public Guid CaseId { get; set; }

    public required string Code { get; set; }
}

/// <summary>Marks a property that holds personal data: encrypted at rest, audited when shown.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalFieldAttribute : Attribute;
