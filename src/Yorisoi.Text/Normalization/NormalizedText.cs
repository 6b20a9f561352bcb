using System.Text;

namespace Yorisoi.Text;

/// <summary>
/// Text after normalisation together with, for every output character, the range of the original text it came from,
/// so that tokens found in normalised text can be highlighted in what the user actually typed.
/// </summary>
public sealed class NormalizedText
{
    // Null for text that normalisation left as it was: each character maps onto itself, and most token surfaces and
    // many texts are like that, so they need no map at all.
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    internal NormalizedText(string original, string text, int[]? starts, int[]? ends)
    {
        Original = original;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    public string Original { get; }

    public string Text { get; }

    public static NormalizedText Identity(string text) => new(text, text, null, null);

    /// <summary>The original offset where normalised offset <paramref name="index"/> starts (index may equal the length).</summary>
    public int OriginalStart(int index) =>
        index >= Text.Length ? Original.Length : StartOf(index);

    /// <summary>The original offset where a range ending at normalised offset <paramref name="index"/> (exclusive) ends.</summary>
    public int OriginalEnd(int index) =>
        index <= 0 ? 0 : EndOf(Math.Min(index, Text.Length) - 1);

    /// <summary>Maps a normalised range onto the original text; a range inside one expanded character covers that character.</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        var s = OriginalStart(start);
        var e = length <= 0 ? s : OriginalEnd(start + length);
        return (s, Math.Max(0, e - s));
    }

    /// <summary>Applies a further step whose map points into this text, giving one map into the original.</summary>
    internal NormalizedText Then(NormalizedText next)
    {
        if (_starts is null)
        {
            return new NormalizedText(Original, next.Text, next._starts, next._ends);
        }

        var starts = new int[next.Text.Length];
        var ends = new int[next.Text.Length];
        for (var i = 0; i < next.Text.Length; i++)
        {
            starts[i] = OriginalStart(next.StartOf(i));
            ends[i] = OriginalEnd(next.EndOf(i));
        }

        return new NormalizedText(Original, next.Text, starts, ends);
    }

    private int StartOf(int index) => _starts is null ? index : _starts[index];

    private int EndOf(int index) => _ends is null ? index + 1 : _ends[index];

    internal sealed class Builder(string original)
    {
        private readonly StringBuilder _text = new(original.Length);
        private readonly List<int> _starts = new(original.Length);
        private readonly List<int> _ends = new(original.Length);

        public int Length => _text.Length;

        public char this[int index] => _text[index];

        public void Append(char ch, int originalStart, int originalEnd)
        {
            _text.Append(ch);
            _starts.Add(originalStart);
            _ends.Add(originalEnd);
        }

        public void Append(ReadOnlySpan<char> chars, int originalStart, int originalEnd)
        {
            foreach (var ch in chars)
            {
                Append(ch, originalStart, originalEnd);
            }
        }

        public void Replace(int index, char ch) => _text[index] = ch;

        public NormalizedText Build() => new(original, _text.ToString(), [.. _starts], [.. _ends]);
    }
}
