using System.Text;
using System.Text.RegularExpressions;

namespace Yorisoi.Text;

/// <summary>
/// Telephone numbers in one form: digits only, +81 written as the domestic trunk prefix 0, hyphens of every width,
/// parentheses and spaces dropped, full-width digits folded. Agrees with the case form's validation.
/// </summary>
public static partial class PhoneNumberNormalizer
{
    /// <summary>
    /// A Japanese number as 10 or 11 digits starting with 0 ("+81 3-1234-5678" → "0312345678"), a foreign number as
    /// "+" and its digits, or null when the text is not a telephone number.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Japanese input methods turn "-" into ー, ‐, − or － as often as not; they all mean a separator here.
        var folded = DashVariants().Replace(value.Normalize(NormalizationForm.FormKC).Trim(), "-");
        if (!PhoneCharacters().IsMatch(folded))
        {
            return null;
        }

        var digits = JapaneseNormalizer.DigitsOnly(folded);
        if (folded.StartsWith('+'))
        {
            if (!digits.StartsWith("81", StringComparison.Ordinal))
            {
                return digits.Length is >= 8 and <= 15 ? "+" + digits : null;
            }

            // "+81 (0)3-…" writes the trunk prefix that +81 replaces; it must not be counted twice.
            var national = digits[2..];
            if (TrunkPrefixInParentheses().IsMatch(folded) && national.StartsWith('0'))
            {
                national = national[1..];
            }

            digits = "0" + national;
        }

        return digits.Length is 10 or 11 && digits[0] == '0' ? digits : null;
    }

    /// <summary>
    /// The digits to search with for a whole or partial number typed in any form ("０９０－１２" → "09012",
    /// "+81 90" → "090"), or empty when it holds no digit.
    /// </summary>
    public static string SearchKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var full = Normalize(value);
        if (full is not null)
        {
            return full.TrimStart('+');
        }

        var nfkc = value.Normalize(NormalizationForm.FormKC).Trim();
        var digits = JapaneseNormalizer.DigitsOnly(nfkc);
        return nfkc.StartsWith('+') && digits.StartsWith("81", StringComparison.Ordinal) ? "0" + digits[2..].TrimStart('0') : digits;
    }

    [GeneratedRegex(@"^\+?[0-9()\- ]{6,20}$")]
    private static partial Regex PhoneCharacters();

    [GeneratedRegex("[ー‐‑–—−－]")]
    private static partial Regex DashVariants();

    [GeneratedRegex(@"^\+\s*81[\s-]*\(\s*0\s*\)")]
    private static partial Regex TrunkPrefixInParentheses();
}
