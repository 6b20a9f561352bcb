namespace Yorisoi.Text.Analysis;

/// <summary>A token with offsets in the normalised text, before the user dictionary and the map to the original.</summary>
internal readonly record struct RawToken(string Surface, string BaseForm, string PartOfSpeech, string Detail, string? Reading, int Start, int Length, bool IsUnknown)
{
    public int End => Start + Length;

    // IPADIC: 品詞,細分類1,細分類2,細分類3,活用型,活用形,原形,読み,発音; unknown words stop after 原形 ("*").
    public static RawToken FromFeature(string surface, string feature, int start, bool unknown)
    {
        Span<Range> ranges = stackalloc Range[12];
        var span = feature.AsSpan();
        var count = SplitCsv(span, ranges);
        var pos = Field(span, ranges, count, 0);
        var detail = string.Join('-', new[] { Field(span, ranges, count, 1), Field(span, ranges, count, 2), Field(span, ranges, count, 3) }.Where(f => f != "*"));
        var baseForm = Field(span, ranges, count, 6);
        var reading = Field(span, ranges, count, 7);
        return new RawToken(
            surface,
            baseForm == "*" ? surface : baseForm,
            string.IsInterned(pos) ?? pos,
            detail,
            reading == "*" ? null : reading,
            start,
            surface.Length,
            unknown);
    }

    private static string Field(ReadOnlySpan<char> line, ReadOnlySpan<Range> ranges, int count, int index) =>
        index < count ? line[ranges[index]].ToString() : "*";

    // MeCab quotes a field that holds a comma ("\",\""), as its CSV writer does.
    private static int SplitCsv(ReadOnlySpan<char> line, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (i <= line.Length && count < ranges.Length)
        {
            if (i < line.Length && line[i] == '"')
            {
                var close = line[(i + 1)..].IndexOf('"');
                var end = close < 0 ? line.Length : i + 1 + close;
                ranges[count++] = new Range(i + 1, end);
                i = end + 2;
                continue;
            }

            var comma = line[i..].IndexOf(',');
            var stop = comma < 0 ? line.Length : i + comma;
            ranges[count++] = new Range(i, stop);
            if (comma < 0)
            {
                break;
            }

            i = stop + 1;
        }

        return count;
    }
}
