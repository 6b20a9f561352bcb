using System.Text;

namespace Yorisoi.Text;

/// <summary>
/// Folds the many ways one Japanese word can be typed (full/half width, katakana/hiragana,
/// upper/lower case) into one form, so that search-as-you-type matches what a counselor means.
/// </summary>
public static class JapaneseNormalizer
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var nfkc = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(nfkc.Length);
        foreach (var ch in nfkc)
        {
            // Katakana ァ(U+30A1)..ヶ(U+30F6) map onto hiragana ぁ(U+3041)..ゖ(U+3096).
            if (ch is >= '\u30A1' and <= '\u30F6')
            {
                builder.Append((char)(ch - 0x60));
            }
            else if (char.IsWhiteSpace(ch))
            {
                continue;
            }
            else
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        return builder.ToString();
    }

    /// <summary>Removes control characters that a paste from another system can carry, keeping line breaks and tabs.</summary>
    public static string StripControlCharacters(string text)
    {
        if (text.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!char.IsControl(ch) || ch is '\n' or '\r' or '\t')
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>Digits only, after width folding: "０３-1234-５６７８" becomes "0312345678".</summary>
    public static string DigitsOnly(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var nfkc = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(nfkc.Length);
        foreach (var ch in nfkc)
        {
            if (ch is >= '0' and <= '9')
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    public static bool ContainsFolded(string haystack, string foldedNeedle) =>
        Fold(haystack).Contains(foldedNeedle, StringComparison.Ordinal);
}
