using System.Text.RegularExpressions;

namespace Yorisoi.Text.Privacy;

/// <summary>
/// Personal data written with digits and symbols: telephone numbers, e-mail addresses, card numbers, My Numbers, bank
/// accounts, postal codes and dates of birth. Works on text already normalised (NFKC, lower case), so full-width
/// digits, ＠ and － need no pattern of their own; offsets are in that normalised text.
/// </summary>
/// <remarks>
/// Every pattern starts only where a run of digits (or of address characters) starts, so a long run is read once
/// instead of once per position; without that a 10,000-digit input would take quadratic time.
/// </remarks>
internal static partial class NumberFinder
{
    // Dash-like characters Japanese input methods produce between digits; NFKC folds － into "-" but leaves these. A
    // number may follow ー as the end of a word (マイナンバー1234…), so look-behinds refuse a dash only after a digit.
    private const string Dashes = @"\-‐‑‒–—―−ー";

    private static readonly string[] CardContext = ["カード", "card", "クレジット", "クレカ"];
    private static readonly string[] MyNumberContext = ["マイナンバー", "個人番号"];
    private static readonly string[] AccountContext =
    [
        "口座", "普通", "当座", "貯蓄", "支店", "銀行", "信金", "金庫", "信組", "労金", "農協", "ゆうちょ", "振込", "振り込み", "記号", "名義",
    ];

    public static void Find(string text, List<Finding> found)
    {
        FindPhoneNumbers(text, found);
        foreach (Match m in EmailAddress().Matches(text))
        {
            found.Add(new Finding(PersonalDataKind.EmailAddress, m.Index, m.Index + m.Length));
        }

        FindLongNumbers(text, found);
        FindAccounts(text, found);
        foreach (Match m in PostalCode().Matches(text))
        {
            var g = m.Groups["n"];
            found.Add(new Finding(PersonalDataKind.PostalCode, g.Index, g.Index + g.Length));
        }

        foreach (Match m in DateOfBirth().Matches(text))
        {
            var g = m.Groups["d"];
            found.Add(new Finding(PersonalDataKind.DateOfBirth, g.Index, g.Index + g.Length));
        }
    }

    private static void FindPhoneNumbers(string text, List<Finding> found)
    {
        foreach (Match m in DomesticPhone().Matches(text))
        {
            var digits = JapaneseNormalizer.DigitsOnly(m.Value);
            if (digits.Length is 10 or 11 && digits[0] == '0')
            {
                found.Add(new Finding(PersonalDataKind.PhoneNumber, m.Index, m.Index + m.Length));
            }
        }

        foreach (Match m in InternationalPhone().Matches(text))
        {
            if (JapaneseNormalizer.DigitsOnly(m.Value).Length is >= 9 and <= 15)
            {
                found.Add(new Finding(PersonalDataKind.PhoneNumber, m.Index, m.Index + m.Length));
            }
        }

        // A number given without its area code ("電話は1234-5678") is still someone's number.
        foreach (Match m in LocalPhoneAfterLabel().Matches(text))
        {
            var g = m.Groups["n"];
            found.Add(new Finding(PersonalDataKind.PhoneNumber, g.Index, g.Index + g.Length));
        }
    }

    /// <summary>Card numbers (13–19 digits) by their Luhn digit or a word for card before them; My Numbers (12) likewise.</summary>
    private static void FindLongNumbers(string text, List<Finding> found)
    {
        foreach (Match m in LongNumber().Matches(text))
        {
            var digits = JapaneseNormalizer.DigitsOnly(m.Value);
            if (digits.Length is >= 13 and <= 19
                && (CheckDigits.IsLuhnValid(digits) || Preceded(text, m.Index, CardContext)))
            {
                found.Add(new Finding(PersonalDataKind.CardNumber, m.Index, m.Index + m.Length));
            }
            else if (digits.Length == 12
                && (CheckDigits.IsMyNumberValid(digits) || Preceded(text, m.Index, MyNumberContext)))
            {
                found.Add(new Finding(PersonalDataKind.MyNumber, m.Index, m.Index + m.Length));
            }
            else if (digits.Length is >= 13 and <= 19 && Preceded(text, m.Index, MyNumberContext))
            {
                found.Add(new Finding(PersonalDataKind.MyNumber, m.Index, m.Index + m.Length));
            }
        }
    }

    /// <summary>
    /// Account numbers are 7 digits (ゆうちょ: a 5-digit 記号 and an 8-digit 番号) and look like any other number, so only
    /// a banking word shortly before them (口座, 普通, 支店 …) marks one.
    /// </summary>
    private static void FindAccounts(string text, List<Finding> found)
    {
        foreach (Match m in AccountNumber().Matches(text))
        {
            var digits = JapaneseNormalizer.DigitsOnly(m.Value).Length;
            var isAccount = digits >= 6
                ? Preceded(text, m.Index, AccountContext)
                : text.AsSpan(Math.Max(0, m.Index - 4), Math.Min(4, m.Index)).Contains("記号", StringComparison.Ordinal);
            if (isAccount)
            {
                found.Add(new Finding(PersonalDataKind.BankAccount, m.Index, m.Index + m.Length));
            }
        }
    }

    /// <summary>True when one of <paramref name="words"/> occurs in the same sentence within 20 characters before <paramref name="index"/>.</summary>
    private static bool Preceded(string text, int index, string[] words)
    {
        var start = Math.Max(0, index - 20);
        var window = text.AsSpan(start, index - start);
        var sentenceEnd = window.LastIndexOfAny('。', '\n');
        if (sentenceEnd >= 0)
        {
            window = window[(sentenceEnd + 1)..];
        }

        foreach (var word in words)
        {
            if (window.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // 03-1234-5678, (03)1234-5678, 03 1234 5678, 0312345678, 0120-123-456, 090ー1234ー5678; the digit count is checked
    // after the match. Not after a digit, dash, dot, comma or slash, so receipt numbers (2026-13-000123), amounts
    // (29,800) and dates (2026-11-01, 2026/11/01) never start one.
    [GeneratedRegex($@"(?<![0-9+])(?<![0-9][{Dashes}.,/])(?:\(\s*0\d{{1,4}}\s*\)\s*|0\d{{1,4}}(?:\s*[{Dashes}.(]\s*|\s)?)\d{{1,4}}(?:\s*[{Dashes}.)]\s*|\s)?\d{{3,4}}(?![0-9]|[{Dashes}.,]\d)")]
    private static partial Regex DomesticPhone();

    // +81 3-1234-5678, +81(0)90 1234 5678, +81-90-1234-5678 and other countries' numbers.
    [GeneratedRegex($@"(?<![0-9])\+\s*\d{{1,3}}[\s{Dashes}]*(?:\(\s*0\s*\)[\s{Dashes}]*)?\(?\d{{1,4}}\)?[\s{Dashes}.]?\d{{1,4}}[\s{Dashes}.]?\d{{2,4}}(?:[\s{Dashes}.]?\d{{2,4}})?(?![0-9])")]
    private static partial Regex InternationalPhone();

    [GeneratedRegex($@"(?:電話|tel|携帯|連絡先|fax|ファックス|ファクス)[^0-9。\n]{{0,10}}?(?<n>(?<![0-9])(?<![0-9][{Dashes}])\d{{2,4}}[{Dashes}]\d{{4}})(?![0-9]|[{Dashes}]\d)")]
    private static partial Regex LocalPhoneAfterLabel();

    // The local part must start where a run of its characters starts (see the remarks above). "(at)", "アットマーク" and
    // "ドット" are how people write an address to keep it from robots, and are still the address.
    [GeneratedRegex(@"(?<![a-z0-9._%+\-])[a-z0-9._%+\-]+\s?(?:@|\(at\)|\[at\]|<at>|アットマーク|あっとまーく)\s?[a-z0-9\-]+(?:\s?(?:\.|\(dot\)|\[dot\]|ドット)\s?[a-z0-9\-]+)+")]
    private static partial Regex EmailAddress();

    [GeneratedRegex($@"(?<![0-9])(?<![0-9][{Dashes}])\d(?:[ {Dashes}]?\d){{11,18}}(?![0-9])")]
    private static partial Regex LongNumber();

    // 1234567, 123-1234567 (branch and account), 12345 (a ゆうちょ 記号). Not an amount, a count or a year.
    [GeneratedRegex($@"(?<![0-9])(?<![0-9][{Dashes}.,])(?:\d{{3}}[{Dashes}])?\d{{5,8}}(?![0-9]|[,.]\d|\s*[円万千件回人%年歳才個枚本台])")]
    private static partial Regex AccountNumber();

    // 〒100-0001 (the mark goes with the number), 郵便番号 100-0001, and 100-0001 right before an address.
    [GeneratedRegex($@"(?<n>〒\s*\d{{3}}\s*[{Dashes}]?\s*\d{{4}})(?![0-9])|郵便番号\s*(?:は|:)?\s*(?<n>\d{{3}}[{Dashes}]?\d{{4}})(?![0-9])|(?<![0-9])(?<![0-9][{Dashes}])(?<n>\d{{3}}[{Dashes}]\d{{4}})(?![0-9{Dashes}])(?=\s*\p{{IsCJKUnifiedIdeographs}}{{1,6}}?[都道府県市区町村郡])")]
    private static partial Regex PostalCode();

    // A full date (or year and month, or month and day) after 生年月日 / 誕生日, or before 生まれ / 生. A date on its own is
    // the date of a contract or a call and stays.
    [GeneratedRegex(@"(?:生年月日|誕生日|生まれ年月日|出生日|dob)(?:\s|は|が|:|、|\()*(?<d>(?:(?:明治|大正|昭和|平成|令和|[mtshr]\.?)\s*(?:元|\d{1,2}|[〇一二三四五六七八九十]{1,3})|(?:19|20)\d{2}|[〇一二三四五六七八九]{4})\s*(?:年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?|[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2})|(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)|(?<d>(?:(?:(?:明治|大正|昭和|平成|令和|[mtshr]\.?)\s*(?:元|\d{1,2}|[〇一二三四五六七八九十]{1,3})|(?:19|20)\d{2}|[〇一二三四五六七八九]{4})\s*(?:年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?|[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2})|(?<![0-9年])(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日))(?=\s*(?:生まれ|産まれ|生(?![活産協徒命])))")]
    private static partial Regex DateOfBirth();
}
