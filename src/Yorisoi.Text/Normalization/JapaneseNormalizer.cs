using System.Globalization;
using System.Text;

namespace Yorisoi.Text;

/// <summary>
/// Folds the many ways one Japanese word can be typed (full/half width, katakana/hiragana,
/// upper/lower case, long-vowel and iteration marks) into one form, so that search-as-you-type matches what a counselor means.
/// </summary>
public static class JapaneseNormalizer
{
    /// <summary>
    /// The matching key used for "contains" search in the database and in code pickers: NFKC, lower case, katakana as
    /// hiragana, dash-like characters after kana as ー, iteration marks spelled out, white space removed.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = Normalize(text, numerals: false).Text;
        var builder = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (!char.IsWhiteSpace(ch))
            {
                builder.Append(ToHiragana(ch));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Normalises text for analysis while keeping a map back to the original: NFKC, lower case, control characters as
    /// spaces, dash-like characters after kana as ー, iteration marks spelled out and, when <paramref name="numerals"/>
    /// is set, amounts and counts written in kanji (一万円, 三回) as digits. Kana stay as typed because MeCab needs them.
    /// </summary>
    public static NormalizedText Normalize(string? text, bool numerals = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return NormalizedText.Identity(string.Empty);
        }

        if (IsAlreadyNormal(text))
        {
            var same = NormalizedText.Identity(text);
            return numerals ? NumeralNormalizer.Apply(same) : same;
        }

        var builder = new NormalizedText.Builder(text);
        var i = 0;
        Span<char> lower = stackalloc char[32];
        while (i < text.Length)
        {
            var clusterEnd = ClusterEnd(text, i);
            var cluster = text.AsSpan(i, clusterEnd - i);
            if (cluster.Length == 1 && (IsAsciiOrKana(cluster[0]) || IsStable(cluster[0])))
            {
                AppendNormalized(builder, cluster[0], i, clusterEnd);
            }
            else
            {
                var nfkc = cluster.ToString().Normalize(NormalizationForm.FormKC);
                foreach (var ch in nfkc)
                {
                    AppendNormalized(builder, ch, i, clusterEnd);
                }
            }

            i = clusterEnd;
        }

        var folded = builder.Build();
        return numerals ? NumeralNormalizer.Apply(folded) : folded;
    }

    /// <summary>Normalised text only, for callers that need no offsets (query keys, dictionary look-ups).</summary>
    public static string NormalizeText(string? text, bool numerals = true) => Normalize(text, numerals).Text;

    public static char ToHiragana(char ch) =>
        // Katakana ァ(U+30A1)..ヶ(U+30F6) map onto hiragana ぁ(U+3041)..ゖ(U+3096) by a fixed distance.
        ch is >= '\u30A1' and <= '\u30F6' ? (char)(ch - 0x60) : ch;

    public static char ToKatakana(char ch) =>
        ch is >= '\u3041' and <= '\u3096' ? (char)(ch + 0x60) : ch;

    public static string ToHiragana(string text) => !text.AsSpan().ContainsAnyInRange('\u30A1', '\u30F6') ? text : string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = ToHiragana(source[i]);
        }
    });

    public static string ToKatakana(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = ToKatakana(source[i]);
        }
    });

    /// <summary>
    /// <see cref="string.ToLowerInvariant"/> without the call into ICU for text that has nothing to lower (kanji, kana,
    /// lower-case Latin), which is nearly every Japanese word.
    /// </summary>
    public static string ToLowerInvariant(string text)
    {
        foreach (var ch in text)
        {
            if (ch is >= 'A' and <= 'Z' || (ch >= 0x80 && !IsAsciiOrKana(ch) && !IsStable(ch)))
            {
                return text.ToLowerInvariant();
            }
        }

        return text;
    }

    public static bool IsHiragana(char ch) => ch is >= '\u3041' and <= '\u309F';

    public static bool IsKatakana(char ch) => ch is >= '\u30A0' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF';

    public static bool IsKana(char ch) => IsHiragana(ch) || IsKatakana(ch);

    /// <summary>True when the text is made only of kana and long-vowel marks: such a query is a reading, not a word for MeCab.</summary>
    public static bool IsKanaOnly(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (!IsKana(ch) || ch is '\u30FB' or '\u30A0')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIdeograph(char ch) =>
        ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '\u3005' or '\u3007';

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

    // Characters that NFKC and lower-casing leave as they are, decided once per character instead of a call into ICU for
    // every kanji: both calls cross into native code, and they were most of the cost of analysing a narrative. The CJK
    // ideograph blocks are known to be stable; everything else outside the surrogates is asked once, when first needed.
    private static readonly Lazy<ulong[]> StableBits = new(ComputeStable);

    private static bool IsStable(char ch) => (StableBits.Value[ch >> 6] & (1UL << (ch & 63))) != 0;

    private static ulong[] ComputeStable()
    {
        var bits = new ulong[65536 / 64];
        for (var c = 0x80; c < 0x10000; c++)
        {
            var ch = (char)c;
            var stable = ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF'
                || (!char.IsSurrogate(ch) && !IsCombining(ch)
                    && CharUnicodeInfo.GetUnicodeCategory(ch) is not (UnicodeCategory.OtherNotAssigned or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse)
                    && char.ToLowerInvariant(ch) == ch && ch.ToString().Normalize(NormalizationForm.FormKC) == ch.ToString());
            if (stable)
            {
                bits[c >> 6] |= 1UL << (c & 63);
            }
        }

        return bits;
    }

    // True when every character would come out of the loop of Normalize as it went in: no control character, capital,
    // combining mark, width or compatibility form, dash after kana or iteration mark. Token surfaces (which MeCab cut
    // from normalised text) and plain sentences then cost one scan instead of a copy and two offset arrays.
    private static bool IsAlreadyNormal(string text)
    {
        var previous = '\0';
        foreach (var ch in text)
        {
            if (ch < 0x80)
            {
                if (ch is >= 'A' and <= 'Z' || char.IsControl(ch) || (ch == '-' && IsKana(previous)))
                {
                    return false;
                }
            }
            else if (!(IsAsciiOrKana(ch) || IsStable(ch)) || ch is 'ゝ' or 'ゞ' or 'ヽ' or 'ヾ' || (ch != 'ー' && IsDashLike(ch) && IsKana(previous)))
            {
                return false;
            }

            previous = ch;
        }

        return true;
    }

    private static bool IsAsciiOrKana(char ch) =>
        ch < 0x80 || ch is >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FA';

    // A base character with the marks that compose with it (half-width ﾞﾟ, combining voicing marks, other combining
    // marks) and surrogate pairs stay together so that NFKC sees what the user meant as one letter.
    private static int ClusterEnd(string text, int start)
    {
        var end = start + (char.IsHighSurrogate(text[start]) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1);
        while (end < text.Length && IsCombining(text[end]))
        {
            end++;
        }

        return end;
    }

    private static bool IsCombining(char ch) =>
        ch is '\uFF9E' or '\uFF9F' or '\u3099' or '\u309A'
        || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static void AppendNormalized(NormalizedText.Builder builder, char ch, int start, int end)
    {
        if (char.IsControl(ch) || ch == '\u00A0')
        {
            builder.Append(' ', start, end);
            return;
        }

        var previous = builder.Length > 0 ? builder[builder.Length - 1] : '\0';
        if (IsDashLike(ch) && (IsKana(previous) && previous != '\u30FB'))
        {
            builder.Append('ー', start, end);
            return;
        }

        if (ch is 'ゝ' or 'ゞ' or 'ヽ' or 'ヾ' && IsKana(previous) && previous is not ('ー' or '\u30FB'))
        {
            var repeated = ch is 'ゝ' or 'ヽ' ? Unvoiced(previous) : Voiced(previous);
            builder.Append(ch is 'ゝ' or 'ゞ' ? ToHiragana(repeated) : ToKatakana(repeated), start, end);
            return;
        }

        builder.Append(ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch >= 0x80 && !IsStable(ch) ? char.ToLowerInvariant(ch) : ch, start, end);
    }

    private static bool IsDashLike(char ch) =>
        ch is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFF70' or '\u30FC';

    private static char Voiced(char kana)
    {
        var composed = (kana.ToString() + "\u3099").Normalize(NormalizationForm.FormC);
        return composed.Length == 1 ? composed[0] : kana;
    }

    private static char Unvoiced(char kana)
    {
        var decomposed = kana.ToString().Normalize(NormalizationForm.FormD);
        return decomposed[0];
    }
}
