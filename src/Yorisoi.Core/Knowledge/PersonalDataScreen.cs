using System.Text;
using System.Text.RegularExpressions;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Core.Knowledge;

/// <summary>
/// Masks what could identify a person in free text typed by the public or by staff (search queries, feedback
/// comments) before it is stored: e-mail addresses, phone numbers, postal codes and long digit runs
/// (card, account or member numbers). Width is folded first, so 「０３－１２３４－５６７８」 is caught too. Given the
/// morphological analyser, people's names as the dictionary knows them (IPADIC 固有名詞・人名: 佐藤, 花子) go as well:
/// a counselor may type the consumer's name into a case search although personal fields are never indexed.
/// </summary>
public static partial class PersonalDataScreen
{
    public const string EmailMask = "〔メールアドレス〕";
    public const string PhoneMask = "〔電話番号〕";
    public const string PostalCodeMask = "〔郵便番号〕";
    public const string NumberMask = "〔番号〕";
    public const string NameMask = "〔氏名〕";

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

    /// <summary><see cref="Mask(string)"/>, then people's names found by <paramref name="words"/> (consecutive name parts as one).</summary>
    public static string Mask(string text, IMorphologicalAnalyzer words)
    {
        var masked = Mask(text);
        var tokens = words.Analyze(masked);
        StringBuilder? builder = null;
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsPersonName(tokens[i]))
            {
                continue;
            }

            var start = tokens[i].Start;
            var end = tokens[i].End;
            while (i + 1 < tokens.Count && IsPersonName(tokens[i + 1]) && tokens[i + 1].Start <= end + 1)
            {
                end = tokens[++i].End;
            }

            builder ??= new StringBuilder(masked.Length);
            builder.Append(masked, copied, start - copied).Append(NameMask);
            copied = end;
        }

        return builder is null ? masked : builder.Append(masked, copied, masked.Length - copied).ToString();
    }

    /// <summary>True when <see cref="Mask(string)"/> would change something beyond width folding.</summary>
    public static bool ContainsPersonalData(string text) => Mask(text) != text.Normalize(NormalizationForm.FormKC);

    private static bool IsPersonName(MorphToken token) =>
        token.IsNoun && token.PartOfSpeechDetail.StartsWith("固有名詞-人名", StringComparison.Ordinal);

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
