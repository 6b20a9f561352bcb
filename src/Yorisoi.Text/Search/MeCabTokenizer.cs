using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Search;

public enum MeCabTokenizerMode
{
    /// <summary>Dictionary forms of content words, kana folded: 解約し → 解約, する dropped.</summary>
    BaseForm,

    /// <summary>Readings of content words in hiragana, plus the joined reading of runs of nouns (定期|購入 → ていきこうにゅう too).</summary>
    Reading,
}

/// <summary>MeCab as a Lucene tokenizer. The whole field is analysed at once; offsets point into the field's original text.</summary>
public sealed class MeCabTokenizer : Tokenizer
{
    private const int MaxCompoundParts = 4;

    private readonly IMorphologicalAnalyzer _analyzer;
    private readonly MeCabTokenizerMode _mode;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly ITypeAttribute _type;
    private readonly List<Emitted> _tokens = [];
    private int _next;
    private int _length;

    public MeCabTokenizer(TextReader input, IMorphologicalAnalyzer analyzer, MeCabTokenizerMode mode)
        : base(input)
    {
        _analyzer = analyzer;
        _mode = mode;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
        {
            return false;
        }

        ClearAttributes();
        var token = _tokens[_next++];
        _term.SetEmpty().Append(token.Term);
        _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        _position.PositionIncrement = token.Increment;
        _type.Type = token.Type;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd() ?? string.Empty;
        _length = text.Length;
        _tokens.Clear();
        _next = 0;
        Build(_analyzer.Analyze(text));
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }

    private void Build(IReadOnlyList<MorphToken> tokens)
    {
        var gap = 1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var term = Term(token);
            if (term is null)
            {
                gap++;
                continue;
            }

            _tokens.Add(new Emitted(term, token.Start, token.End, gap, token.PartOfSpeech));
            gap = 1;
            foreach (var part in _analyzer.PartsOf(token))
            {
                if (Term(part) is { } partTerm && partTerm != term)
                {
                    _tokens.Add(new Emitted(partTerm, part.Start, part.End, 0, "part"));
                }
            }

            if (_mode == MeCabTokenizerMode.Reading && token.IsNoun)
            {
                AddCompoundReading(tokens, i, term);
            }
        }
    }

    // A reader types the reading of a compound in one go (ていきこうにゅう); IPADIC often has it as two nouns.
    private void AddCompoundReading(IReadOnlyList<MorphToken> tokens, int first, string firstReading)
    {
        var joined = firstReading;
        for (var j = first + 1; j < tokens.Count && j < first + MaxCompoundParts; j++)
        {
            var next = tokens[j];
            if (!next.IsNoun || next.Start != tokens[j - 1].End || Readings.Of(next) is not { } reading)
            {
                return;
            }

            joined += reading;
            _tokens.Add(new Emitted(joined, tokens[first].Start, next.End, 0, "compound"));
        }
    }

    private string? Term(MorphToken token)
    {
        if (StopWords.IsFunctionWord(token))
        {
            return null;
        }

        if (_mode == MeCabTokenizerMode.Reading)
        {
            return token.IsContentWord ? Readings.Of(token) : null;
        }

        if (!token.IsContentWord || StopWords.IsStopWord(token.BaseForm))
        {
            return null;
        }

        return JapaneseNormalizer.ToHiragana(JapaneseNormalizer.ToLowerInvariant(token.BaseForm));
    }

    private readonly record struct Emitted(string Term, int Start, int End, int Increment, string Type);
}
