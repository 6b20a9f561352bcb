using System.Text;
using System.Text.RegularExpressions;

namespace Yorisoi.Text;

/// <summary>
/// One comparable key for a business name, so that 「㈱ＡＢＣ」, 「ABC株式会社」, 「ＡＢＣ（株）」 and 「abc co., ltd.」 meet:
/// width, case and kana folded, legal-form words and their abbreviations removed wherever they stand, spaces,
/// punctuation and middle dots dropped.
/// </summary>
public static partial class BusinessNameFolder
{
    // After NFKC, lower case and katakana→hiragana; longest first so that 一般社団法人 goes before 社団法人.
    private static readonly string[] JapaneseLegalForms =
    [
        "特定非営利活動法人", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "独立行政法人", "地方独立行政法人",
        "社会福祉法人", "有限責任事業組合", "かぶしきがいしゃ", "かぶしきかいしゃ", "ゆうげんがいしゃ", "ゆうげんかいしゃ",
        "ごうどうがいしゃ", "ごうしがいしゃ", "ごうめいがいしゃ", "株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
        "医療法人", "学校法人", "宗教法人", "社団法人", "財団法人", "npo法人",
        "(株)", "(有)", "(同)", "(資)", "(名)", "(一社)", "(一財)", "(公社)", "(公財)", "(医)", "(学)", "(福)", "(特非)",
    ];

    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var folded = FoldCharacters(name);
        var withoutForms = RemoveLegalForms(folded);
        var key = KeepLettersAndDigits(withoutForms);

        // A name that is nothing but a legal form ("株式会社") still needs a key of its own.
        return key.Length > 0 ? key : KeepLettersAndDigits(folded);
    }

    public static bool SameBusiness(string? a, string? b)
    {
        var keyA = Key(a);
        return keyA.Length > 0 && string.Equals(keyA, Key(b), StringComparison.Ordinal);
    }

    private static string FoldCharacters(string name)
    {
        var normalized = JapaneseNormalizer.NormalizeText(name, numerals: false);
        return JapaneseNormalizer.ToHiragana(normalized);
    }

    private static string RemoveLegalForms(string text)
    {
        foreach (var form in JapaneseLegalForms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, " ", StringComparison.Ordinal);
            }
        }

        // Latin forms only as whole words at either end: "Inc." inside "Incubator" or "Co" in "Costco" is the name.
        text = TrailingLatinForms().Replace(text, " ");
        return LeadingLatinForms().Replace(text, " ");
    }

    private static string KeepLettersAndDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch) || ch == 'ー' || ch == '々')
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?:[\s,.&]*\b(?:inc|co|ltd|llc|l\.l\.c|corp|corporation|company|limited|kk|k\.k|gk|g\.k|plc|llp|lp|gmbh)\b\.?)+[\s,.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingLatinForms();

    [GeneratedRegex(@"^[\s,.]*(?:kabushiki\s*kaisha|k\.k\.)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingLatinForms();
}
