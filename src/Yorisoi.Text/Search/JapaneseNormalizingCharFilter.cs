using Lucene.Net.Analysis.CharFilters;

namespace Yorisoi.Text.Search;

/// <summary>
/// <see cref="JapaneseNormalizer.Normalize"/> as a Lucene char filter: what follows sees NFKC, lower-case text with
/// numerals as digits, and offsets are corrected back to the original for highlighting.
/// </summary>
public sealed class JapaneseNormalizingCharFilter : BaseCharFilter
{
    private string? _text;
    private int _position;

    public JapaneseNormalizingCharFilter(TextReader input)
        : base(input)
    {
    }

    public override int Read(char[] buffer, int index, int count)
    {
        Fill();
        var remaining = _text!.Length - _position;
        if (remaining <= 0)
        {
            return 0;
        }

        var n = Math.Min(count, remaining);
        _text.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    public override int Read()
    {
        Fill();
        return _position < _text!.Length ? _text[_position++] : -1;
    }

    private void Fill()
    {
        if (_text is not null)
        {
            return;
        }

        var normalized = JapaneseNormalizer.Normalize(m_input.ReadToEnd());
        _text = normalized.Text;
        var diff = 0;
        for (var i = 0; i <= _text.Length; i++)
        {
            var original = normalized.OriginalStart(i);
            if (original - i != diff)
            {
                diff = original - i;
                AddOffCorrectMap(i, diff);
            }
        }
    }
}
