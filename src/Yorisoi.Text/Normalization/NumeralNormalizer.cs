namespace Yorisoi.Text;

/// <summary>
/// Writes amounts and counts as digits: 一万円 → 10000円, ３万５千円 → 35000円, 1,000円 → 1000円, 三回 → 3回.
/// Only a numeral directly before a unit of money, count or date is converted, and not when it continues a word
/// written in kanji, so 一般, 一時, 十分, 統一, 関東一円 and 万一 keep their meaning.
/// </summary>
public static class NumeralNormalizer
{
    // Longest first: the first that matches wins.
    private static readonly string[] Units =
    [
        "週間", "か月", "ヶ月", "カ月", "ケ月", "ヵ月", "箇月", "ヶ所", "か所", "箇所",
        "円", "件", "回", "個", "歳", "才", "枚", "台", "年", "月", "日", "週", "人", "名", "箱", "袋", "錠", "割", "倍", "%", "社", "通", "点", "度", "型",
    ];

    private static readonly string AllowedBefore = "約計各毎全第";

    public static string Normalize(string? text) => JapaneseNormalizer.NormalizeText(text);

    internal static NormalizedText Apply(NormalizedText input)
    {
        var text = input.Text;
        if (!NeedsWork(text))
        {
            return input;
        }

        var builder = new NormalizedText.Builder(text);
        var i = 0;
        while (i < text.Length)
        {
            if (IsNumeralStart(text[i]) && (i == 0 || !IsDigitOrKanjiNumeral(text[i - 1])))
            {
                var end = RunEnd(text, i);
                var hasKanji = false;
                var hasComma = false;
                for (var k = i; k < end; k++)
                {
                    hasKanji |= text[k] is not (>= '0' and <= '9') and not ',';
                    hasComma |= text[k] == ',';
                }

                // After a word in kanji a lone digit is part of it (関東一円 is a region, 同一人 one person), while
                // 代金三万円 is still an amount; 1.5万 is a decimal whose parts must stay together.
                var precededByWord = i > 0
                    && ((JapaneseNormalizer.IsIdeograph(text[i - 1]) && !AllowedBefore.Contains(text[i - 1], StringComparison.Ordinal) && end - i == 1)
                        || text[i - 1] == '.');
                var beforeUnit = StartsWithUnit(text, end);
                if (((hasKanji && beforeUnit && !precededByWord) || (!hasKanji && hasComma && IsGroupedNumber(text.AsSpan(i, end - i))))
                    && TryValue(text.AsSpan(i, end - i), out var value))
                {
                    builder.Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture), i, end);
                    i = end;
                    continue;
                }

                for (var k = i; k < end; k++)
                {
                    builder.Append(text[k], k, k + 1);
                }

                i = end;
                continue;
            }

            builder.Append(text[i], i, i + 1);
            i++;
        }

        return input.Then(builder.Build());
    }

    /// <summary>Value of a numeral written in digits, kanji or both (二十三, 三万五千, 1万5000, 二〇二四); false when it is not one.</summary>
    public static bool TryValue(ReadOnlySpan<char> numeral, out long value)
    {
        value = 0;
        long total = 0, section = 0, current = 0;
        var any = false;
        try
        {
            checked
            {
                foreach (var ch in numeral)
                {
                    if (ch == ',')
                    {
                        continue;
                    }

                    var digit = DigitValue(ch);
                    if (digit >= 0)
                    {
                        current = (current * 10) + digit;
                        any = true;
                        continue;
                    }

                    var small = SmallUnit(ch);
                    if (small > 0)
                    {
                        section += (current == 0 ? 1 : current) * small;
                        current = 0;
                        any = true;
                        continue;
                    }

                    var large = LargeUnit(ch);
                    if (large > 0)
                    {
                        if (!any)
                        {
                            return false;
                        }

                        section += current;
                        total += (section == 0 ? 1 : section) * large;
                        section = 0;
                        current = 0;
                        continue;
                    }

                    return false;
                }

                value = total + section + current;
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        return any;
    }

    private static bool NeedsWork(string text)
    {
        foreach (var ch in text)
        {
            if (ch == ',' || (DigitValue(ch) >= 0 && ch is not (>= '0' and <= '9')) || SmallUnit(ch) > 0 || LargeUnit(ch) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumeralStart(char ch) => DigitValue(ch) >= 0 || SmallUnit(ch) > 0;

    private static bool IsDigitOrKanjiNumeral(char ch) => DigitValue(ch) >= 0 || SmallUnit(ch) > 0 || LargeUnit(ch) > 0;

    private static int RunEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && (IsDigitOrKanjiNumeral(text[end]) || (text[end] == ',' && end + 1 < text.Length && text[end + 1] is >= '0' and <= '9' && end > start)))
        {
            end++;
        }

        return end;
    }

    private static bool IsGroupedNumber(ReadOnlySpan<char> run)
    {
        var groups = run.ToString().Split(',');
        if (groups[0].Length is < 1 or > 3)
        {
            return false;
        }

        for (var g = 1; g < groups.Length; g++)
        {
            if (groups[g].Length != 3)
            {
                return false;
            }
        }

        return groups.Length > 1;
    }

    private static bool StartsWithUnit(string text, int index)
    {
        foreach (var unit in Units)
        {
            if (string.CompareOrdinal(text, index, unit, 0, unit.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int DigitValue(char ch) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        '〇' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static int SmallUnit(char ch) => ch switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => 0,
    };

    private static long LargeUnit(char ch) => ch switch
    {
        '万' => 10_000L,
        '億' => 100_000_000L,
        '兆' => 1_000_000_000_000L,
        _ => 0,
    };
}
