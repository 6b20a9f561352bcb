using System.ComponentModel.DataAnnotations;

namespace Yorisoi.Core.Cases;

public class PartyInput
{
    public string? Name { get; set; }

    public string? NameKana { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? PostalCode { get; set; }

    public string? Address { get; set; }

    public string? ContactNote { get; set; }

    public string? AgeBandCode { get; set; }

    public string? GenderCode { get; set; }

    public string? OccupationCode { get; set; }

    public string? MunicipalityCode { get; set; }
}

public class BusinessInput
{
    public string? Name { get; set; }

    public string? NameKana { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Url { get; set; }

    public string? CorporateNumber { get; set; }
}

/// <summary>What a counselor enters for a case, in the order of a phone consultation.</summary>
public class CaseInput
{
    public DateTimeOffset? ReceivedAt { get; set; }

    public string? ChannelCode { get; set; }

    public PartyInput Consultant { get; set; } = new();

    /// <summary>The caller is the contract party themself; the contract party's fields are then ignored.</summary>
    public bool ContractPartyIsConsultant { get; set; } = true;

    public string? RelationshipCode { get; set; }

    public PartyInput ContractParty { get; set; } = new();

    public string? Summary { get; set; }

    public BusinessInput Business { get; set; } = new();

    public string? ProductCode { get; set; }

    public string? SalesFormCode { get; set; }

    public List<string> KeywordCodes { get; set; } = [];

    [Range(0d, CaseLimits.MaxAmount)]
    public long? AmountBilled { get; set; }

    [Range(0d, CaseLimits.MaxAmount)]
    public long? ContractAmount { get; set; }

    [Range(0d, CaseLimits.MaxAmount)]
    public long? AmountPaid { get; set; }

    [Range(0d, CaseLimits.MaxAmount)]
    public long? AmountRelieved { get; set; }

    public string? PaymentMethodCode { get; set; }

    public DateOnly? ContractDate { get; set; }

    public DateOnly? DocumentReceivedDate { get; set; }

    public string? ConsumerRequestCode { get; set; }

    public string? ConsumerRequestNote { get; set; }

    public string? HarmCode { get; set; }

    public string? ResultCode { get; set; }

    public bool ConsentToDiscloseToBusiness { get; set; }

    public bool ConsentToShareWithCenters { get; set; }

    public Guid? AssigneeId { get; set; }
}

public class HandlingLogInput
{
    public DateTimeOffset? OccurredAt { get; set; }

    public string? MethodCode { get; set; }

    public string? CounterpartCode { get; set; }

    public string? CounterpartName { get; set; }

    public string? Text { get; set; }
}

/// <summary>The sort orders of the case list, shared by the service, the API and the screens.</summary>
public static class CaseListSorts
{
    public const string ReceivedDesc = "received_desc";
    public const string ReceivedAsc = "received_asc";
    public const string ReceiptDesc = "receipt_desc";
    public const string ReceiptAsc = "receipt_asc";
    public const string UpdatedDesc = "updated_desc";

    public static IReadOnlyList<string> All { get; } = [ReceivedDesc, ReceivedAsc, ReceiptDesc, ReceiptAsc, UpdatedDesc];
}

public sealed record CaseListQuery
{
    public CaseStatus? Status { get; init; }

    public DateOnly? ReceivedFrom { get; init; }

    public DateOnly? ReceivedTo { get; init; }

    /// <summary>A product code; a top-level code matches all its children.</summary>
    public string? ProductCode { get; init; }

    public string? SalesFormCode { get; init; }

    public Guid? AssigneeId { get; init; }

    public string? BusinessName { get; init; }

    /// <summary>One 受付番号 (any width); at most one case matches.</summary>
    public string? ReceiptNumber { get; init; }

    /// <summary>"own" (default): the center's own cases; "shared": cases other centers shared with it.</summary>
    public string? Scope { get; init; }

    /// <summary>received_desc (default), received_asc, receipt_desc, receipt_asc, updated_desc.</summary>
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

public sealed record CaseListItem(
    Guid Id,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    CaseStatus Status,
    string? ProductCode,
    string? ProductName,
    string? SalesFormCode,
    string? SalesFormName,
    string? BusinessName,
    Guid? AssigneeId,
    string? AssigneeName,
    bool IsMediation,
    string SummaryExcerpt,
    Guid CenterId);

/// <summary>
/// One page of a list. <paramref name="TotalCount"/> is exact up to a cap; when more rows match,
/// it is the cap and <paramref name="TotalCountCapped"/> is true (shown as "10,000件以上").
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, bool TotalCountCapped = false);

public sealed record CodeRef(string Code, string Name);

public sealed record PartyView(string? AgeBandCode, string? AgeBandName, string? GenderCode, string? GenderName, string? OccupationCode, string? OccupationName, string? MunicipalityCode, string? MunicipalityName, bool HasContactDetails);

public sealed record BusinessView(string? Name, string? NameKana, string? Address, string? Phone, string? Url, string? CorporateNumber);

public sealed record HandlingLogView(Guid Id, HandlingLogKind Kind, DateTimeOffset OccurredAt, string MethodCode, string? MethodName, string CounterpartCode, string? CounterpartName, string? CounterpartDetail, string Text, string? CreatedByName, DateTimeOffset CreatedAt);

/// <summary>A case without personal contact details; those come separately and are audited.</summary>
public sealed record CaseDetail(
    Guid Id,
    Guid CenterId,
    string CenterName,
    bool IsOwnCenter,
    string ReceiptNumber,
    int FiscalYear,
    DateTimeOffset ReceivedAt,
    string ChannelCode,
    string? ChannelName,
    string CodeListVersion,
    CaseStatus Status,
    Guid? AssigneeId,
    string? AssigneeName,
    PartyView Consultant,
    bool ContractPartyIsConsultant,
    string? RelationshipCode,
    string? RelationshipName,
    PartyView ContractParty,
    string Summary,
    BusinessView Business,
    string? ProductCode,
    string? ProductPath,
    string? SalesFormCode,
    string? SalesFormName,
    IReadOnlyList<CodeRef> Keywords,
    [property: Range(0d, CaseLimits.MaxAmount)] long? AmountBilled,
    [property: Range(0d, CaseLimits.MaxAmount)] long? ContractAmount,
    [property: Range(0d, CaseLimits.MaxAmount)] long? AmountPaid,
    [property: Range(0d, CaseLimits.MaxAmount)] long? AmountRelieved,
    string? PaymentMethodCode,
    string? PaymentMethodName,
    DateOnly? ContractDate,
    DateOnly? DocumentReceivedDate,
    DateOnly? CoolingOffDeadline,
    string? ConsumerRequestCode,
    string? ConsumerRequestName,
    string? ConsumerRequestNote,
    string? HarmCode,
    string? HarmName,
    string? ResultCode,
    string? ResultName,
    bool ConsentToDiscloseToBusiness,
    bool ConsentToShareWithCenters,
    bool IsMediation,
    DateTimeOffset? MediationStartedAt,
    DateTimeOffset? MediationEndedAt,
    MediationOutcome MediationOutcome,
    DateTimeOffset? ApprovedAt,
    string? ApprovedByName,
    string? ReturnComment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<HandlingLogView> HandlingLog,
    IReadOnlyList<Guid> SharedWithCenterIds);

public sealed record PartyContact(string? Name, string? NameKana, string? Phone, string? Email, string? PostalCode, string? Address, string? ContactNote);

public sealed record CasePersonalData(Guid CaseId, PartyContact Consultant, PartyContact ContractParty);

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? UserName, string? Field, string? OldValue, string? NewValue, string? Comment, bool IsPersonal);

public sealed record RepeatConsumerMatch(Guid CaseId, string ReceiptNumber, DateTimeOffset ReceivedAt, CaseStatus Status, string? ProductName, string? BusinessName, string Role);
