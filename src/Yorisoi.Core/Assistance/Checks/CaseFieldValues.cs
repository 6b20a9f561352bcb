using Yorisoi.Core.Cases;
using Yorisoi.Text;

namespace Yorisoi.Core.Assistance.Checks;

/// <summary>The values of a case the input rules can name, by the field paths the case form uses.</summary>
internal sealed class CaseFieldValues(CaseDetail c)
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "ProductCode", "SalesFormCode", "ResultCode", "KeywordCodes", "PaymentMethodCode", "HarmCode", "ConsumerRequestCode",
        "ContractParty.AgeBandCode", "ContractParty.GenderCode", "ContractParty.OccupationCode", "ContractParty.MunicipalityCode",
        "HandlingLog", "ContractDate", "DocumentReceivedDate", "ReceivedAt",
        "ContractAmount", "AmountBilled", "AmountPaid", "AmountRelieved", "AmountPaidOrBilled", "Business.Name",
    };

    private readonly PartyView _party = c.ContractPartyIsConsultant ? c.Consultant : c.ContractParty;

    public static bool Known(string field) => Fields.Contains(field);

    public string? SalesForm => c.SalesFormCode;

    public string? Result => c.ResultCode;

    public IReadOnlyList<string> Keywords { get; } = [.. c.Keywords.Select(k => k.Code)];

    /// <summary>The narrative and the handling log, folded, for the rules that yield to an explanation.</summary>
    public string FoldedText { get; } = JapaneseNormalizer.Fold(c.Summary + "\n" + string.Join('\n', c.HandlingLog.Select(e => e.Text)));

    public bool HasMediationRecord => c.IsMediation && c.HandlingLog.Any(e => e.Kind == HandlingLogKind.Mediation);

    public bool IsFilled(string field) => field switch
    {
        "KeywordCodes" => c.Keywords.Count > 0,
        "HandlingLog" => c.HandlingLog.Count > 0,
        "ContractDate" or "DocumentReceivedDate" or "ReceivedAt" => Date(field) is not null,
        "ContractAmount" => c.ContractAmount is not null || c.AmountBilled is not null,
        "AmountBilled" or "AmountPaid" or "AmountRelieved" or "AmountPaidOrBilled" => Amount(field) is not null,
        _ => !string.IsNullOrWhiteSpace(Code(field)),
    };

    public long? Amount(string field) => field switch
    {
        "ContractAmount" => c.ContractAmount,
        "AmountBilled" => c.AmountBilled,
        "AmountPaid" => c.AmountPaid,
        "AmountRelieved" => c.AmountRelieved,
        "AmountPaidOrBilled" => c.AmountPaid is null && c.AmountBilled is null ? null : Math.Max(c.AmountPaid ?? 0, c.AmountBilled ?? 0),
        _ => null,
    };

    public DateOnly? Date(string field) => field switch
    {
        "ContractDate" => c.ContractDate,
        "DocumentReceivedDate" => c.DocumentReceivedDate,
        "ReceivedAt" => DateOnly.FromDateTime(FiscalYear.ToJapanTime(c.ReceivedAt).DateTime),
        _ => null,
    };

    public bool Matches(CombinationCondition combination)
    {
        var age = _party.AgeBandCode;
        var occupation = _party.OccupationCode;
        if (age is null || occupation is null)
        {
            return false;
        }

        return (combination.AgeBands.Count == 0 || combination.AgeBands.Contains(age))
            && (combination.NotAgeBands.Count == 0 || !combination.NotAgeBands.Contains(age))
            && (combination.Occupations.Count == 0 || combination.Occupations.Contains(occupation))
            && (combination.NotOccupations.Count == 0 || !combination.NotOccupations.Contains(occupation));
    }

    private string? Code(string field) => field switch
    {
        "ProductCode" => c.ProductCode,
        "SalesFormCode" => c.SalesFormCode,
        "ResultCode" => c.ResultCode,
        "PaymentMethodCode" => c.PaymentMethodCode,
        "HarmCode" => c.HarmCode,
        "ConsumerRequestCode" => c.ConsumerRequestCode,
        "ContractParty.AgeBandCode" => _party.AgeBandCode,
        "ContractParty.GenderCode" => _party.GenderCode,
        "ContractParty.OccupationCode" => _party.OccupationCode,
        "ContractParty.MunicipalityCode" => _party.MunicipalityCode,
        "Business.Name" => c.Business.Name,
        _ => null,
    };
}
