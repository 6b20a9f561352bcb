using System.Globalization;
using System.Text;
using System.Text.Json;
using Yorisoi.Core.Assistance;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Resources;
using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Cases;

/// <summary>
/// What the case form holds while the counselor types. Amounts stay text until saving so that
/// "12,000円" or full-width digits are accepted, and nothing typed is ever replaced by a parse failure.
/// </summary>
public sealed class CaseFormModel
{
    public CaseInput Input { get; private init; } = new();

    /// <summary>受付日時 as Japan wall-clock time (datetime-local).</summary>
    public DateTime? ReceivedAtLocal { get; set; }

    // A readable amount is shown back the way the case page shows money (12,000) as soon as the field is left, so
    // １２０００ or 12000円 visibly became a number; anything unreadable stays exactly as typed for the error message.
    public string? AmountBilled { get; set => field = ShowAmount(value); }

    public string? ContractAmount { get; set => field = ShowAmount(value); }

    public string? AmountPaid { get; set => field = ShowAmount(value); }

    public string? AmountRelieved { get; set => field = ShowAmount(value); }

    /// <summary>Field keys in the order the form shows them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "ReceivedAt", "ChannelCode",
        "Consultant.Name", "Consultant.NameKana", "Consultant.Phone", "Consultant.Email", "Consultant.PostalCode", "Consultant.Address",
        "Consultant.AgeBandCode", "Consultant.GenderCode", "Consultant.OccupationCode", "Consultant.MunicipalityCode", "Consultant.ContactNote",
        "RelationshipCode",
        "ContractParty.Name", "ContractParty.NameKana", "ContractParty.Phone", "ContractParty.Email", "ContractParty.PostalCode", "ContractParty.Address",
        "ContractParty.AgeBandCode", "ContractParty.GenderCode", "ContractParty.OccupationCode", "ContractParty.MunicipalityCode", "ContractParty.ContactNote",
        "Summary",
        "Business.Name", "Business.NameKana", "Business.Address", "Business.Phone", "Business.Url", "Business.CorporateNumber",
        "ProductCode", "SalesFormCode", "KeywordCodes",
        "AmountBilled", "ContractAmount", "AmountPaid", "PaymentMethodCode", "ContractDate", "DocumentReceivedDate",
        "ConsumerRequestCode", "ConsumerRequestNote",
        "HarmCode", "ResultCode", "AmountRelieved", "AssigneeId",
    ];

    public static CaseFormModel ForNew(DateTime nowInJapan, Guid? assignee) => new()
    {
        Input = new CaseInput { ChannelCode = "C1", AssigneeId = assignee },
        ReceivedAtLocal = nowInJapan,
    };

    public static CaseFormModel From(CaseInput input) => new()
    {
        Input = WithPostalCodesShown(Clone(input)),
        ReceivedAtLocal = input.ReceivedAt is { } at ? CaseText.ToJapanLocal(at) : null,
        AmountBilled = AmountText(input.AmountBilled),
        ContractAmount = AmountText(input.ContractAmount),
        AmountPaid = AmountText(input.AmountPaid),
        AmountRelieved = AmountText(input.AmountRelieved),
    };

    /// <summary>
    /// A copy of the input for the service. The service cleans what it is given in place; the form
    /// keeps exactly what the user typed, so a comparison after a conflict shows their own words.
    /// </summary>
    public CaseInput Build(FormErrors errors)
    {
        var input = Clone(Input);
        input.ReceivedAt = ReceivedAtLocal is { } local ? CaseText.FromJapanLocal(local) : null;
        input.AmountBilled = ParseAmount(AmountBilled, nameof(CaseInput.AmountBilled), errors);
        input.ContractAmount = ParseAmount(ContractAmount, nameof(CaseInput.ContractAmount), errors);
        input.AmountPaid = ParseAmount(AmountPaid, nameof(CaseInput.AmountPaid), errors);
        input.AmountRelieved = ParseAmount(AmountRelieved, nameof(CaseInput.AmountRelieved), errors);
        if (input.ContractPartyIsConsultant)
        {
            input.ContractParty = new PartyInput();
        }

        return input;
    }

    public static CaseInput Clone(CaseInput input) =>
        JsonSerializer.Deserialize<CaseInput>(JsonSerializer.Serialize(input))!;

    private static string? AmountText(long? amount) => amount?.ToString("#,0", CultureInfo.InvariantCulture);

    public static string? ShowAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        return ParseAmount(text, nameof(CaseInput.AmountBilled), new FormErrors()) is { } amount ? AmountText(amount) : text;
    }

    private static CaseInput WithPostalCodesShown(CaseInput input)
    {
        input.Consultant.PostalCode = CaseText.PostalCode(input.Consultant.PostalCode);
        input.ContractParty.PostalCode = CaseText.PostalCode(input.ContractParty.PostalCode);
        return input;
    }

    /// <summary>The fields as typed, for the classification hints, checklists and rules (an unreadable amount counts as not given).</summary>
    public AssistCaseFields ToAssistFields()
    {
        var ignored = new FormErrors();
        return new AssistCaseFields
        {
            Product = Input.ProductCode,
            SalesForm = Input.SalesFormCode,
            Keywords = Input.KeywordCodes,
            Result = Input.ResultCode,
            AgeBand = (Input.ContractPartyIsConsultant ? Input.Consultant : Input.ContractParty).AgeBandCode,
            Harm = Input.HarmCode,
            PaymentMethod = Input.PaymentMethodCode,
            ContractDate = Input.ContractDate,
            DocumentReceivedDate = Input.DocumentReceivedDate,
            AmountBilled = ParseAmount(AmountBilled, nameof(CaseInput.AmountBilled), ignored),
            ContractAmount = ParseAmount(ContractAmount, nameof(CaseInput.ContractAmount), ignored),
            AmountPaid = ParseAmount(AmountPaid, nameof(CaseInput.AmountPaid), ignored),
            BusinessName = Input.Business.Name,
            BusinessPhone = Input.Business.Phone,
            BusinessAddress = Input.Business.Address,
            BusinessUrl = Input.Business.Url,
        };
    }

    /// <summary>A yen amount as people type it; an unreadable one adds an error for the field and gives null.</summary>
    public static long? ParseAmount(string? text, string field, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            if (ch is ',' or '円' or '¥' or '\\' or ' ' or '　')
            {
                continue;
            }

            folded.Append(ch == '−' || ch == 'ー' ? '-' : ch);
        }

        if (long.TryParse(folded.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, UiText.Format("CaseForm.Error.AmountNotNumber", Messages.Field(field)));
        return null;
    }
}
