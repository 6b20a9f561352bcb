namespace Yorisoi.Text.Summaries;

/// <summary>What a piece of a counselor's text is: a sentence to choose from, a bullet line, or a heading that names a part.</summary>
public enum SentenceKind
{
    Sentence,
    Bullet,
    Heading,
}

/// <summary>
/// One piece of a text found by <see cref="SentenceSplitter"/>, as offsets into that text (white space and bullet marks
/// left out). <paramref name="Section"/> is the label of the last heading above it (相談内容, 経過, 来所 …), null before any.
/// </summary>
public readonly record struct TextSentence(int Start, int Length, SentenceKind Kind, string? Section)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits counselor text into sentences: at 。！？!? (half-width ｡ too) and line breaks, never inside 「」『』（）
/// unless the quote is itself long and holds several sentences, with bullet lines (・ - ① 1.) and headings on their own
/// line (【相談内容】 ［来所］) recognised, English split at . ! ? followed by a space. A sentence longer than the limit is
/// cut at its clause boundaries (、 , or a space) so ranking can weigh the parts of a text written without full stops.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Half the header's budget: a sentence longer than that would crowd out the others, so it is weighed clause by clause.</summary>
    public const int DefaultMaxLength = 100;

    /// <summary>A quote this long holding two sentences or more is a quoted account, not a phrase; it is split inside.</summary>
    private const int LongQuote = 100;

    /// <summary>Heading labels are a word or two; a longer bracketed span at the start of a line is text.</summary>
    private const int MaxHeadingLabel = 16;

    private static readonly string[] Abbreviations = ["mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "e.g", "i.e", "inc", "co", "ltd", "jr", "sr", "p", "pp", "approx"];

    private static readonly char[] LineBreaks = ['\n', '\r', '\u2028', '\u2029'];

    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create("。！？!?、");

    public static IReadOnlyList<TextSentence> Split(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        maxLength = Math.Max(16, maxLength);
        var sentences = new List<TextSentence>();
        string? section = null;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOfAny(LineBreaks, lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            SplitLine(text, lineStart, lineEnd, maxLength, ref section, sentences);
            lineStart = lineEnd + 1;
        }

        return sentences;
    }

    private static void SplitLine(string text, int start, int end, int maxLength, ref string? section, List<TextSentence> sentences)
    {
        start = SkipSpace(text, start, end);
        end = TrimEnd(text, start, end);
        if (start >= end)
        {
            return;
        }

        if (HeadingLabel(text, start, end, out var labelEnd) is { } label)
        {
            section = label;
            sentences.Add(new TextSentence(start, labelEnd - start, SentenceKind.Heading, label));
            start = SkipSpace(text, labelEnd, end);
            while (start < end && text[start] is ':' or '：')
            {
                start = SkipSpace(text, start + 1, end);
            }

            if (start >= end)
            {
                return;
            }
        }
        else if (IsBareHeading(text, start, end))
        {
            section = text[start..end].TrimStart('■', '□', '◆', '◇', '▼', '▽', '●', '○', '＜', '<', '《', '≪').TrimEnd('＞', '>', '》', '≫', ':', '：').Trim();
            sentences.Add(new TextSentence(start, end - start, SentenceKind.Heading, section));
            return;
        }

        var kind = SentenceKind.Sentence;
        var afterMarker = BulletEnd(text, start, end);
        if (afterMarker > start)
        {
            kind = SentenceKind.Bullet;
            start = SkipSpace(text, afterMarker, end);
            if (start >= end)
            {
                return;
            }
        }

        var protectedSpans = ProtectedSpans(text, start, end);
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            if (InsideAny(protectedSpans, i) is { } spanEnd)
            {
                i = spanEnd;
                continue;
            }

            if (IsTerminator(text, i, end))
            {
                var stop = i + 1;
                while (stop < end && (IsTerminalMark(text[stop]) || IsCloser(text[stop])))
                {
                    stop++;
                }

                AddSentence(text, sentenceStart, stop, kind, section, maxLength, sentences);
                sentenceStart = SkipSpace(text, stop, end);
                i = sentenceStart;
                continue;
            }

            i++;
        }

        AddSentence(text, sentenceStart, end, kind, section, maxLength, sentences);
    }

    private static void AddSentence(string text, int start, int end, SentenceKind kind, string? section, int maxLength, List<TextSentence> sentences)
    {
        start = SkipSpace(text, start, end);
        end = TrimEnd(text, start, end);
        if (start >= end)
        {
            return;
        }

        while (end - start > maxLength && ClauseCut(text, start, end, maxLength) is { } cut)
        {
            sentences.Add(new TextSentence(start, TrimEnd(text, start, cut) - start, kind, section));
            start = SkipSpace(text, cut, end);
        }

        if (start < end)
        {
            sentences.Add(new TextSentence(start, end - start, kind, section));
        }
    }

    /// <summary>
    /// Where to cut an overlong sentence: after the last clause boundary (、, a comma, white space) that keeps the piece
    /// within <paramref name="maxLength"/> and not shorter than a third of it, else the first one after; null when there is none.
    /// </summary>
    internal static int? ClauseCut(string text, int start, int end, int maxLength)
    {
        var spans = ProtectedSpans(text, start, end);
        int? before = null;
        for (var i = start + 1; i < end - 1; i++)
        {
            if (InsideAny(spans, i) is { } spanEnd)
            {
                i = spanEnd - 1;
                continue;
            }

            if (!IsClauseBoundary(text, i))
            {
                continue;
            }

            var cut = i + 1;
            if (cut - start <= maxLength)
            {
                if (cut - start >= maxLength / 3)
                {
                    before = cut;
                }
            }
            else
            {
                return before ?? cut;
            }
        }

        return before;
    }

    /// <summary>A 、 or comma ending a clause (not the comma of 29,800), or white space between words.</summary>
    internal static bool IsClauseBoundary(string text, int i) => text[i] switch
    {
        '、' or '，' or '､' => true,
        ',' => !(i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1])),
        _ => char.IsWhiteSpace(text[i]),
    };

    /// <summary>A 、 or comma ending a clause: a firmer place to cut than a space, which may sit inside a quote.</summary>
    internal static bool IsComma(string text, int i) => IsClauseBoundary(text, i) && !char.IsWhiteSpace(text[i]);

    private static bool IsTerminalMark(char ch) => ch is '。' or '！' or '？' or '!' or '?' or '｡' or '．';

    private static bool IsCloser(char ch) => ch is '」' or '』' or '）' or ')' or '｣' or '"' or '”' or '\'' or '’';

    private static bool IsTerminator(string text, int i, int end)
    {
        var ch = text[i];
        if (ch is '。' or '！' or '？' or '!' or '?' or '｡')
        {
            return true;
        }

        if (ch is '．')
        {
            // ３．５万円: a full-width point between digits is a decimal point.
            return !(i > 0 && char.IsDigit(text[i - 1]) && i + 1 < end && char.IsDigit(text[i + 1]));
        }

        if (ch != '.')
        {
            return false;
        }

        if (i + 1 < end && !char.IsWhiteSpace(text[i + 1]) && !IsCloser(text[i + 1]) && !IsCjk(text[i + 1]))
        {
            // 3.5, example.com, e.g: a point inside a word.
            return false;
        }

        var wordStart = i;
        while (wordStart > 0 && (char.IsAsciiLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, i - wordStart);
        if (word.Length == 1 && char.IsAsciiLetterUpper(word[0]))
        {
            // An initial: J. Smith.
            return false;
        }

        foreach (var abbreviation in Abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCjk(char ch) => JapaneseNormalizer.IsKana(ch) || JapaneseNormalizer.IsIdeograph(ch);

    /// <summary>【相談内容】, ［来所］, [経過], 〔結果〕, ＜要望＞ at the start of a line: the label, and where the brackets end.</summary>
    private static string? HeadingLabel(string text, int start, int end, out int labelEnd)
    {
        labelEnd = start;
        var close = text[start] switch
        {
            '【' => '】',
            '［' => '］',
            '[' => ']',
            '〔' => '〕',
            '＜' => '＞',
            '<' => '>',
            '《' => '》',
            '≪' => '≫',
            '〈' => '〉',
            _ => '\0',
        };
        if (close == '\0')
        {
            return null;
        }

        var closeAt = text.IndexOf(close, start + 1, end - start - 1);
        if (closeAt < 0 || closeAt - start - 1 > MaxHeadingLabel)
        {
            return null;
        }

        var label = text[(start + 1)..closeAt].Trim();
        if (label.Length == 0 || label.AsSpan().IndexOfAny('。', '、') >= 0)
        {
            return null;
        }

        labelEnd = closeAt + 1;
        return label;
    }

    /// <summary>■経過 or 相談内容： alone on a short line, without a sentence end.</summary>
    private static bool IsBareHeading(string text, int start, int end)
    {
        if (end - start > MaxHeadingLabel + 2)
        {
            return false;
        }

        var line = text.AsSpan(start, end - start);
        if (line.IndexOfAny(SentenceMarks) >= 0)
        {
            return false;
        }

        return line[0] is '■' or '□' or '◆' or '◇' or '▼' or '▽' || line[^1] is ':' or '：';
    }

    /// <summary>The end of a bullet mark at <paramref name="start"/> (・ - * ● ① 1. (1) １）…), or <paramref name="start"/> when there is none.</summary>
    private static int BulletEnd(string text, int start, int end)
    {
        var ch = text[start];
        if (ch is '・' or '･' or '•' or '●' or '○' or '◯' or '◎' or '■' or '□' or '◆' or '◇' or '▶' or '▷' or '►' or '※' or '＊' or '→')
        {
            return start + 1;
        }

        if (ch is '-' or '‐' or '－' or '–' or '—' or '*' or '+' or '＋')
        {
            // -5℃ or -1 is a number, not a bullet.
            return start + 1 < end && char.IsDigit(text[start + 1]) ? start : start + 1;
        }

        if (ch is >= '\u2460' and <= '\u2473' or >= '\u2776' and <= '\u277F' or >= '\u3251' and <= '\u325F')
        {
            return start + 1;
        }

        var i = start;
        var opened = ch is '(' or '（';
        if (opened)
        {
            i++;
        }

        var digits = i;
        while (i < end && i - digits < 3 && char.IsDigit(text[i]))
        {
            i++;
        }

        if (i == digits || i >= end)
        {
            return start;
        }

        if (opened)
        {
            return text[i] is ')' or '）' ? i + 1 : start;
        }

        // 1. 1) １． １） but not 10日 or 3,000円 or 1.5.
        if (text[i] is ')' or '）')
        {
            return i + 1;
        }

        if (text[i] is '.' or '．' && (i + 1 >= end || !char.IsDigit(text[i + 1])))
        {
            return i + 1;
        }

        return start;
    }

    /// <summary>
    /// Outermost bracket pairs closed on this line that are not split inside; a pair that is never closed protects
    /// nothing, so one stray 「 cannot swallow the rest of the line.
    /// </summary>
    private static List<(int Start, int End)> ProtectedSpans(string text, int start, int end)
    {
        var spans = new List<(int Start, int End)>();
        var stack = new Stack<(char Close, int At)>();
        for (var i = start; i < end; i++)
        {
            var ch = text[i];
            var close = CloserOf(ch);
            if (close != '\0')
            {
                stack.Push((close, i));
                continue;
            }

            if (stack.Count == 0 || !IsBracketCloser(ch))
            {
                continue;
            }

            // A closer that matches a bracket further down closes the ones left open above it too.
            if (!stack.Any(s => s.Close == ch))
            {
                continue;
            }

            (char Close, int At) open;
            do
            {
                open = stack.Pop();
            }
            while (open.Close != ch);

            if (stack.Count == 0 && !IsLongQuotedAccount(text, open.At + 1, i))
            {
                spans.Add((open.At + 1, i));
            }
        }

        return spans;
    }

    private static bool IsLongQuotedAccount(string text, int start, int end)
    {
        if (end - start <= LongQuote)
        {
            return false;
        }

        var ends = 0;
        for (var i = start; i < end - 1; i++)
        {
            if (text[i] is '。' or '！' or '？' or '!' or '?' or '｡')
            {
                ends++;
            }
        }

        return ends >= 2;
    }

    private static int? InsideAny(List<(int Start, int End)> spans, int i)
    {
        foreach (var (s, e) in spans)
        {
            if (i >= s && i < e)
            {
                return e;
            }
        }

        return null;
    }

    private static char CloserOf(char open) => open switch
    {
        '「' => '」',
        '『' => '』',
        '（' => '）',
        '(' => ')',
        '｢' => '｣',
        '【' => '】',
        '［' => '］',
        '〔' => '〕',
        '“' => '”',
        _ => '\0',
    };

    private static bool IsBracketCloser(char ch) => ch is '」' or '』' or '）' or ')' or '｣' or '】' or '］' or '〕' or '”';

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
