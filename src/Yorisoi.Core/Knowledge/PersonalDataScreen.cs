using System.Text;
using System.Text.RegularExpressions;

namespace Yorisoi.Core.Knowledge;

/// <summary>
/// Masks what could identify a person in free text typed by the public or by staff (search queries, feedback
/// comments) before it is stored: e-mail addresses, phone numbers, postal codes and long digit runs
/// (card, account or member numbers). Width is folded first, so 「０３－１２３４－５６７８」 is caught too.
/// </summary>
public static partial class PersonalDataScreen
{
    public const string EmailMask = "〔メールアドレス〕";
    public const string PhoneMask = "〔電話番号〕";
    public const string PostalCodeMask = "〔郵便番号〕";
    public const string NumberMask = "〔番号〕";

    public static string Mask(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        folded = Email().Replace(folded, EmailMask);
        folded = Phone().Replace(folded, m => DigitCount(m.Value) is >= 10 and <= 13 ? PhoneMask : m.Value);
        folded = PostalCode().Replace(folded, PostalCodeMask);
        folded = GroupedDigits().Replace(folded, NumberMask);
        folded = LongDigitRun().Replace(folded, NumberMask);
        return folded;
    }

    /// <summary>True when <see cref="Mask"/> would change something beyond width folding.</summary>
    public static bool ContainsPersonalData(string text) => Mask(text) != text.Normalize(NormalizationForm.FormKC);

    private static int DigitCount(string value) => value.Count(char.IsAsciiDigit);

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Japanese numbers start with 0 (or +81); the digit count check in Mask keeps dates and amounts out.
    [GeneratedRegex(@"(?<!\d)(?:(?:\+81[\s\-]?|0)\d{1,4}(?:[\s\-‐―ー()（）]{1,2}\d{1,4}){1,3}|0\d{9,10})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"〒\s*\d{3}-?\d{4}(?!\d)|(?<![\d\-])\d{3}-\d{4}(?![\d\-])", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"(?<!\d)\d{4}(?:[\s\-]\d{4}){2,3}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedDigits();

    [GeneratedRegex(@"\d{7,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRun();
}
