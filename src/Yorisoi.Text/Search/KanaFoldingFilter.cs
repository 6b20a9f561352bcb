using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Yorisoi.Text.Search;

/// <summary>
/// Katakana to hiragana in each term. A fixed code-point shift rather than ICU's Katakana-Hiragana transliterator:
/// the two agree on every character IPADIC readings and NFKC-normalised text contain (the unit tests check the
/// katakana block), and the shift needs no transliterator rules at index time.
/// </summary>
public sealed class KanaFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public KanaFoldingFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            buffer[i] = JapaneseNormalizer.ToHiragana(buffer[i]);
        }

        return true;
    }
}
