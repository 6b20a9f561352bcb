namespace Yorisoi.Core.Assistance;

/// <summary>
/// The fields of a case as typed so far (all optional): what the suggestions, checklists and rules read besides the
/// narrative. Codes are those of the code lists; amounts are in yen.
/// </summary>
public sealed record AssistCaseFields
{
    public string? Product { get; init; }

    public string? SalesForm { get; init; }

    public IReadOnlyList<string>? Keywords { get; init; }

    public string? Result { get; init; }

    public string? AgeBand { get; init; }

    public string? Harm { get; init; }

    public string? PaymentMethod { get; init; }

    public DateOnly? ContractDate { get; init; }

    public DateOnly? DocumentReceivedDate { get; init; }

    public long? AmountBilled { get; init; }

    public long? ContractAmount { get; init; }

    public long? AmountPaid { get; init; }

    public string? BusinessName { get; init; }

    public string? BusinessPhone { get; init; }

    public string? BusinessAddress { get; init; }

    public string? BusinessUrl { get; init; }

    public static AssistCaseFields Empty { get; } = new();
}
