using System.Text.RegularExpressions;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Resources;
using Yorisoi.Text;

namespace Yorisoi.Core.Cases;

/// <summary>Field errors keyed by the input's property path ("Consultant.Phone"), each message naming the field in Japanese.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public static ValidationErrors For(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return errors;
    }
}

/// <summary>
/// Checks a case as entered. Text is cleaned (control characters removed, trimmed) rather than
/// rejected; what cannot be understood is rejected with a message per field.
/// </summary>
public static partial class CaseValidator
{
    public const int MaxKeywords = 10;

    public static ValidationErrors Validate(CaseInput input, CodeListVersion codes, Func<string, bool> municipalityExists, DateTimeOffset now)
    {
        // A JSON client may send null for a section it leaves out; that means "nothing entered", not a server error.
        input.Consultant ??= new PartyInput();
        input.ContractParty ??= new PartyInput();
        input.Business ??= new BusinessInput();
        input.KeywordCodes ??= [];
        Clean(input);
        var errors = new ValidationErrors();

        RequiredMoment(errors, input.ReceivedAt, now, nameof(CaseInput.ReceivedAt));

        RequiredCode(errors, codes, CodeListNames.Channel, input.ChannelCode, nameof(CaseInput.ChannelCode));
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            errors.Add(nameof(CaseInput.Summary), Messages.Error("Required", nameof(CaseInput.Summary)));
        }

        MaxLength(errors, input.Summary, CaseLimits.SummaryLength, nameof(CaseInput.Summary));
        ValidateParty(errors, input.Consultant, nameof(CaseInput.Consultant), codes, municipalityExists);
        if (!input.ContractPartyIsConsultant)
        {
            ValidateParty(errors, input.ContractParty, nameof(CaseInput.ContractParty), codes, municipalityExists);
            OptionalCode(errors, codes, CodeListNames.Relationship, input.RelationshipCode, nameof(CaseInput.RelationshipCode));
        }

        var business = input.Business;
        MaxLength(errors, business.Name, CaseLimits.BusinessNameLength, "Business.Name");
        MaxLength(errors, business.NameKana, CaseLimits.BusinessNameLength, "Business.NameKana");
        MaxLength(errors, business.Address, CaseLimits.AddressLength, "Business.Address");
        Phone(errors, business.Phone, "Business.Phone");
        if (business.Url is { Length: > 0 })
        {
            if (business.Url.Length > CaseLimits.UrlLength)
            {
                errors.Add("Business.Url", Messages.Error("TooLong", "Business.Url", CaseLimits.UrlLength));
            }
            else if (!Uri.TryCreate(business.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add("Business.Url", Messages.Error("InvalidUrl", "Business.Url"));
            }
        }

        if (business.CorporateNumber is { Length: > 0 } && CheckCorporateNumber(business.CorporateNumber) is { } corporateError)
        {
            errors.Add("Business.CorporateNumber", Messages.Error(corporateError, "Business.CorporateNumber"));
        }

        if (input.ProductCode is { Length: > 0 })
        {
            var product = codes.Find(CodeListNames.Product, input.ProductCode);
            if (product is null)
            {
                errors.Add(nameof(CaseInput.ProductCode), Messages.Error("InvalidCode", nameof(CaseInput.ProductCode)));
            }
            else if (!product.IsLeaf)
            {
                errors.Add(nameof(CaseInput.ProductCode), Messages.Error("ProductNotLeaf", nameof(CaseInput.ProductCode)));
            }
        }

        OptionalCode(errors, codes, CodeListNames.SalesForm, input.SalesFormCode, nameof(CaseInput.SalesFormCode));
        OptionalCode(errors, codes, CodeListNames.PaymentMethod, input.PaymentMethodCode, nameof(CaseInput.PaymentMethodCode));
        OptionalCode(errors, codes, CodeListNames.ConsumerRequest, input.ConsumerRequestCode, nameof(CaseInput.ConsumerRequestCode));
        OptionalCode(errors, codes, CodeListNames.Harm, input.HarmCode, nameof(CaseInput.HarmCode));
        OptionalCode(errors, codes, CodeListNames.Result, input.ResultCode, nameof(CaseInput.ResultCode));
        MaxLength(errors, input.ConsumerRequestNote, CaseLimits.NoteLength, nameof(CaseInput.ConsumerRequestNote));

        if (input.KeywordCodes.Count > MaxKeywords)
        {
            errors.Add(nameof(CaseInput.KeywordCodes), Messages.Error("TooManyKeywords", nameof(CaseInput.KeywordCodes), MaxKeywords));
        }
        else if (input.KeywordCodes.Any(k => !codes.IsValid(CodeListNames.Keyword, k)))
        {
            errors.Add(nameof(CaseInput.KeywordCodes), Messages.Error("InvalidCode", nameof(CaseInput.KeywordCodes)));
        }
        else if (input.KeywordCodes.Any(k => !codes.IsValid(CodeListNames.Keyword, k, leafOnly: true)))
        {
            // Like the product code: a case is filed under concrete keywords, so statistics never mix a group with its members.
            errors.Add(nameof(CaseInput.KeywordCodes), Messages.Error("KeywordNotLeaf", nameof(CaseInput.KeywordCodes)));
        }

        Amount(errors, input.AmountBilled, nameof(CaseInput.AmountBilled));
        Amount(errors, input.ContractAmount, nameof(CaseInput.ContractAmount));
        Amount(errors, input.AmountPaid, nameof(CaseInput.AmountPaid));
        Amount(errors, input.AmountRelieved, nameof(CaseInput.AmountRelieved));

        var today = DateOnly.FromDateTime(FiscalYear.ToJapanTime(now).DateTime);
        PastDate(errors, input.ContractDate, today, nameof(CaseInput.ContractDate));
        PastDate(errors, input.DocumentReceivedDate, today, nameof(CaseInput.DocumentReceivedDate));
        return errors;
    }

    public static ValidationErrors ValidateLog(HandlingLogInput input, CodeListVersion codes, DateTimeOffset now)
    {
        input.Text = CleanText(input.Text);
        input.CounterpartName = CleanLine(input.CounterpartName);
        var errors = new ValidationErrors();
        RequiredMoment(errors, input.OccurredAt, now, nameof(HandlingLogInput.OccurredAt));

        RequiredCode(errors, codes, CodeListNames.HandlingMethod, input.MethodCode, nameof(HandlingLogInput.MethodCode));
        RequiredCode(errors, codes, CodeListNames.Counterpart, input.CounterpartCode, nameof(HandlingLogInput.CounterpartCode));
        MaxLength(errors, input.CounterpartName, 200, nameof(HandlingLogInput.CounterpartName));
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(nameof(HandlingLogInput.Text), Messages.Error("Required", nameof(HandlingLogInput.Text)));
        }

        MaxLength(errors, input.Text, CaseLimits.LogTextLength, nameof(HandlingLogInput.Text));
        return errors;
    }

    /// <summary>法人番号: 13 digits whose first digit is a check digit over the other twelve (国税庁 rule).</summary>
    public static bool IsValidCorporateNumber(string value) => CheckCorporateNumber(value) is null;

    /// <summary>
    /// Null for a valid 法人番号; otherwise the error key: a wrong length or stray characters is a different mistake
    /// (a typo in the shape) from thirteen digits whose check digit does not match (a digit mistyped or transposed).
    /// </summary>
    public static string? CheckCorporateNumber(string value)
    {
        var digits = JapaneseNormalizer.DigitsOnly(value);
        if (digits.Length != 13 || digits.Length != value.Normalize(System.Text.NormalizationForm.FormKC).Length)
        {
            return "InvalidCorporateNumber";
        }

        return CorporateNumberCheckDigitMatches(digits) ? null : "CorporateNumberCheckDigit";
    }

    private static bool CorporateNumberCheckDigitMatches(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            // Digits counted from the right end: odd positions weigh 1, even positions weigh 2.
            var digit = digits[12 - i] - '0';
            sum += digit * ((i % 2 == 0) ? 1 : 2);
        }

        return digits[0] - '0' == 9 - (sum % 9);
    }

    /// <summary>
    /// Japanese phone numbers: 10 digits (fixed) or 11 (mobile, 050, 0120 …), or +81 forms; the one form of
    /// Yorisoi.Text, so validation, the stored phone hash and the repeat-consumer lookup agree.
    /// </summary>
    public static string? NormalizePhone(string? value) => PhoneNumberNormalizer.Normalize(value);

    public static string? NormalizePostalCode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var folded = DashVariants().Replace(value.Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimStart('〒').Trim(), "-");
        return PostalCodePattern().IsMatch(folded) ? folded.Replace("-", "", StringComparison.Ordinal) : null;
    }

    private static void ValidateParty(ValidationErrors errors, PartyInput party, string prefix, CodeListVersion codes, Func<string, bool> municipalityExists)
    {
        MaxLength(errors, party.Name, CaseLimits.NameLength, $"{prefix}.Name");
        MaxLength(errors, party.NameKana, CaseLimits.NameLength, $"{prefix}.NameKana");
        MaxLength(errors, party.Address, CaseLimits.AddressLength, $"{prefix}.Address");
        MaxLength(errors, party.ContactNote, CaseLimits.ContactNoteLength, $"{prefix}.ContactNote");
        Phone(errors, party.Phone, $"{prefix}.Phone");
        if (party.Email is { Length: > 0 })
        {
            if (party.Email.Length > CaseLimits.EmailLength)
            {
                errors.Add($"{prefix}.Email", Messages.Error("TooLong", $"{prefix}.Email", CaseLimits.EmailLength));
            }
            else if (!EmailPattern().IsMatch(party.Email))
            {
                errors.Add($"{prefix}.Email", Messages.Error("InvalidEmail", $"{prefix}.Email"));
            }
        }

        if (party.PostalCode is { Length: > 0 } && NormalizePostalCode(party.PostalCode) is null)
        {
            errors.Add($"{prefix}.PostalCode", Messages.Error("InvalidPostalCode", $"{prefix}.PostalCode"));
        }

        OptionalCode(errors, codes, CodeListNames.AgeBand, party.AgeBandCode, $"{prefix}.AgeBandCode");
        OptionalCode(errors, codes, CodeListNames.Gender, party.GenderCode, $"{prefix}.GenderCode");
        OptionalCode(errors, codes, CodeListNames.Occupation, party.OccupationCode, $"{prefix}.OccupationCode");
        if (party.MunicipalityCode is { Length: > 0 } && !municipalityExists(party.MunicipalityCode))
        {
            errors.Add($"{prefix}.MunicipalityCode", Messages.Error("UnknownMunicipality", $"{prefix}.MunicipalityCode"));
        }
    }

    private static void Clean(CaseInput input)
    {
        input.ChannelCode = CleanLine(input.ChannelCode);
        input.Summary = CleanText(input.Summary);
        input.ConsumerRequestNote = CleanText(input.ConsumerRequestNote);
        CleanParty(input.Consultant);
        CleanParty(input.ContractParty);
        var b = input.Business;
        b.Name = CleanLine(b.Name);
        b.NameKana = CleanLine(b.NameKana);
        b.Address = CleanLine(b.Address);
        b.Phone = CleanLine(b.Phone);
        b.Url = CleanLine(b.Url);
        b.CorporateNumber = CleanLine(b.CorporateNumber);
        input.ProductCode = CleanLine(input.ProductCode);
        input.SalesFormCode = CleanLine(input.SalesFormCode);
        input.PaymentMethodCode = CleanLine(input.PaymentMethodCode);
        input.ConsumerRequestCode = CleanLine(input.ConsumerRequestCode);
        input.HarmCode = CleanLine(input.HarmCode);
        input.ResultCode = CleanLine(input.ResultCode);
        input.RelationshipCode = CleanLine(input.RelationshipCode);
        input.KeywordCodes = input.KeywordCodes.Select(CleanLine).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private static void CleanParty(PartyInput p)
    {
        p.Name = CleanLine(p.Name);
        p.NameKana = CleanLine(p.NameKana);
        p.Phone = CleanLine(p.Phone);
        p.Email = CleanLine(p.Email);
        p.PostalCode = CleanLine(p.PostalCode);
        p.Address = CleanLine(p.Address);
        p.ContactNote = CleanText(p.ContactNote);
        p.AgeBandCode = CleanLine(p.AgeBandCode);
        p.GenderCode = CleanLine(p.GenderCode);
        p.OccupationCode = CleanLine(p.OccupationCode);
        p.MunicipalityCode = CleanLine(p.MunicipalityCode);
    }

    /// <summary>Single-line fields: control characters and line breaks removed, trimmed, empty becomes null.</summary>
    public static string? CleanLine(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = JapaneseNormalizer.StripControlCharacters(value).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ').Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Multi-line fields keep their line breaks.</summary>
    public static string? CleanText(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = JapaneseNormalizer.StripControlCharacters(value).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>A required point in time: not in the future (a few minutes' clock skew allowed), not before 2000.</summary>
    private static void RequiredMoment(ValidationErrors errors, DateTimeOffset? value, DateTimeOffset now, string field)
    {
        if (value is null)
        {
            errors.Add(field, Messages.Error("Required", field));
        }
        else if (value > now.AddMinutes(10))
        {
            errors.Add(field, Messages.Error("FutureDate", field));
        }
        else if (value.Value.Year < 2000)
        {
            errors.Add(field, Messages.Error("TooOld", field));
        }
    }

    private static void Phone(ValidationErrors errors, string? value, string field)
    {
        if (value is { Length: > 0 } && NormalizePhone(value) is null)
        {
            errors.Add(field, Messages.Error("InvalidPhone", field));
        }
    }

    private static void RequiredCode(ValidationErrors errors, CodeListVersion codes, string list, string? code, string field)
    {
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(field, Messages.Error("Required", field));
        }
        else if (!codes.IsValid(list, code))
        {
            errors.Add(field, Messages.Error("InvalidCode", field));
        }
    }

    private static void OptionalCode(ValidationErrors errors, CodeListVersion codes, string list, string? code, string field)
    {
        if (!string.IsNullOrEmpty(code) && !codes.IsValid(list, code))
        {
            errors.Add(field, Messages.Error("InvalidCode", field));
        }
    }

    private static void MaxLength(ValidationErrors errors, string? value, int max, string field)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(field, Messages.Error("TooLong", field, max));
        }
    }

    private static void Amount(ValidationErrors errors, long? value, string field)
    {
        if (value < 0)
        {
            errors.Add(field, Messages.Error("Negative", field));
        }
        else if (value > CaseLimits.MaxAmount)
        {
            errors.Add(field, Messages.Error("TooLarge", field));
        }
    }

    private static void PastDate(ValidationErrors errors, DateOnly? value, DateOnly today, string field)
    {
        if (value > today.AddDays(1))
        {
            errors.Add(field, Messages.Error("FutureDate", field));
        }
        else if (value?.Year < 2000)
        {
            errors.Add(field, Messages.Error("TooOld", field));
        }
    }

    [GeneratedRegex("[ー‐‑–—−－]")]
    private static partial Regex DashVariants();

    [GeneratedRegex(@"^[0-9]{3}-?[0-9]{4}$")]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
