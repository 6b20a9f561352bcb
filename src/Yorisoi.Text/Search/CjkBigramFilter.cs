using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Yorisoi.Text.Search;

/// <summary>Which characters of a run of kanji, kana or hangul are also given on their own, beside its bigrams.</summary>
public enum CjkUnigrams
{
    /// <summary>Only a run of one character (Lucene's default).</summary>
    None,

    /// <summary>Every character (Lucene's outputUnigrams), at the positions of the characters.</summary>
    Every,

    /// <summary>
    /// The last character of each run as well, stacked on the run's last bigram. Every character of a text then starts a
    /// bigram or is such a last character, so a one-character query finds every occurrence as a prefix of the field's
    /// terms, at a fraction of the tokens of <see cref="Every"/>.
    /// </summary>
    LastOfRun,
}

/// <summary>
/// Bigrams of adjacent kanji, hiragana, katakana and hangul from <see cref="StandardTokenizer"/> (and, when asked, every
/// character on its own as well), other tokens unchanged: the tokens, offsets, types and positions of Lucene's
/// CJKBigramFilter with all four scripts. Its own filter because Lucene's captures and restores the whole attribute state
/// at the end of every run of these scripts (before each 、 。 number or Latin word), cloning every attribute each time:
/// about a tenth of the CPU of indexing a case. This one keeps only the five attributes the tokenizer sets.
/// </summary>
public sealed class CjkBigramFilter : TokenFilter
{
    public const string DoubleType = "<DOUBLE>";
    public const string SingleType = "<SINGLE>";

    private static readonly string s_han = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    private static readonly string s_hiragana = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA];
    private static readonly string s_katakana = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];
    private static readonly string s_hangul = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];

    private readonly bool _unigrams;
    private readonly bool _lastOfRun;
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;

    // The current run: code points with the offsets of each, and the next one to emit from.
    private int[] _codePoints = new int[16];
    private int[] _starts = new int[16];
    private int[] _ends = new int[16];
    private int _count;
    private int _next;
    private int _lastEnd;
    private bool _bigramNext;
    private bool _exhausted;

    // A token read ahead to see whether the run goes on, handed out after the run's last character.
    private bool _held;
    private char[] _heldTerm = new char[16];
    private int _heldTermLength;
    private int _heldStart;
    private int _heldEnd;
    private int _heldIncrement;
    private int _heldPositionLength;
    private string? _heldType;

    public CjkBigramFilter(TokenStream input, CjkUnigrams unigrams)
        : base(input)
    {
        _unigrams = unigrams == CjkUnigrams.Every;
        _lastOfRun = unigrams == CjkUnigrams.LastOfRun;
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            if (_count - _next > 1)
            {
                if (!_unigrams)
                {
                    EmitBigram();
                }
                else if (_bigramNext)
                {
                    EmitBigram();
                    _bigramNext = false;
                }
                else
                {
                    // A B C gives A, AB, B, BC, C: the unigram first, then back to the bigram starting at it.
                    EmitUnigram();
                    _next--;
                    _bigramNext = true;
                }

                return true;
            }

            if (!ReadNext())
            {
                return EmitRunEnd();
            }

            var type = _type.Type;
            var cjk = type == s_han || type == s_hiragana || type == s_katakana || type == s_hangul;
            if (cjk && _offset.StartOffset == _lastEnd)
            {
                Append();
                continue;
            }

            if (HasLoneCharacter || HasLastOfRun)
            {
                // The token just read ends the run: the run's last character goes first, the token after it.
                Hold();
                return EmitRunEnd();
            }

            if (!cjk)
            {
                return true;
            }

            _count = 0;
            _next = 0;
            Append();
        }
    }

    public override void Reset()
    {
        base.Reset();
        _count = 0;
        _next = 0;
        _lastEnd = 0;
        _bigramNext = false;
        _exhausted = false;
        _held = false;
    }

    // With unigrams every run ends in one; without, only a run of one character is emitted alone.
    private bool HasLoneCharacter => _unigrams ? _count - _next == 1 : _count == 1 && _next == 0;

    // A run of two or more characters whose last character has only been emitted inside the run's last bigram.
    private bool HasLastOfRun => _lastOfRun && _count >= 2 && _count - _next == 1;

    private bool ReadNext()
    {
        if (_held)
        {
            _held = false;
            ClearAttributes();
            _term.CopyBuffer(_heldTerm, 0, _heldTermLength);
            _offset.SetOffset(_heldStart, _heldEnd);
            _type.Type = _heldType;
            _increment.PositionIncrement = _heldIncrement;
            _length.PositionLength = _heldPositionLength;
            return true;
        }

        if (_exhausted)
        {
            return false;
        }

        if (m_input.IncrementToken())
        {
            return true;
        }

        _exhausted = true;
        return false;
    }

    private void Hold()
    {
        _held = true;
        if (_heldTerm.Length < _term.Length)
        {
            _heldTerm = new char[Math.Max(_term.Length, _heldTerm.Length * 2)];
        }

        Array.Copy(_term.Buffer, _heldTerm, _term.Length);
        _heldTermLength = _term.Length;
        _heldStart = _offset.StartOffset;
        _heldEnd = _offset.EndOffset;
        _heldType = _type.Type;
        _heldIncrement = _increment.PositionIncrement;
        _heldPositionLength = _length.PositionLength;
    }

    private void Append()
    {
        if (_count > 64)
        {
            // Only the last character can still pair with what follows.
            var last = _count - 1;
            _codePoints[0] = _codePoints[last];
            _starts[0] = _starts[last];
            _ends[0] = _ends[last];
            _count = 1;
            _next -= last;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        var start = _offset.StartOffset;
        var end = _offset.EndOffset;
        if (_codePoints.Length < _count + length)
        {
            var size = Math.Max(_count + length, _codePoints.Length * 2);
            Array.Resize(ref _codePoints, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }

        _lastEnd = end;
        // Offsets that do not span the term (a character filter changed its length) are kept whole for each character.
        var exact = end - start == length;
        for (var i = 0; i < length;)
        {
            // A lone surrogate stays one code unit, as Lucene's code point functions leave it.
            var units = char.IsHighSurrogate(buffer[i]) && i + 1 < length && char.IsLowSurrogate(buffer[i + 1]) ? 2 : 1;
            _codePoints[_count] = units == 2 ? char.ConvertToUtf32(buffer[i], buffer[i + 1]) : buffer[i];
            _starts[_count] = start;
            if (exact)
            {
                start += units;
                _ends[_count] = start;
            }
            else
            {
                _ends[_count] = end;
            }

            _count++;
            i += units;
        }
    }

    private void EmitBigram()
    {
        ClearAttributes();
        var buffer = _term.ResizeBuffer(4);
        var length = Encode(_codePoints[_next], buffer, 0);
        length += Encode(_codePoints[_next + 1], buffer, length);
        _term.Length = length;
        _offset.SetOffset(_starts[_next], _ends[_next + 1]);
        _type.Type = DoubleType;
        if (_unigrams)
        {
            // Beside unigrams a bigram spans the two positions of its characters.
            _increment.PositionIncrement = 0;
            _length.PositionLength = 2;
        }

        _next++;
    }

    // The run's last character on its own, when the mode gives it one; false when there is nothing left to emit.
    private bool EmitRunEnd()
    {
        if (HasLoneCharacter)
        {
            EmitUnigram();
            return true;
        }

        if (HasLastOfRun)
        {
            EmitUnigram();
            _increment.PositionIncrement = 0;
            return true;
        }

        return false;
    }

    private void EmitUnigram()
    {
        ClearAttributes();
        var buffer = _term.ResizeBuffer(2);
        _term.Length = Encode(_codePoints[_next], buffer, 0);
        _offset.SetOffset(_starts[_next], _ends[_next]);
        _type.Type = SingleType;
        _next++;
    }

    private static int Encode(int codePoint, char[] buffer, int at)
    {
        if (codePoint < 0x10000)
        {
            buffer[at] = (char)codePoint;
            return 1;
        }

        var offset = codePoint - 0x10000;
        buffer[at] = (char)(0xD800 + (offset >> 10));
        buffer[at + 1] = (char)(0xDC00 + (offset & 0x3FF));
        return 2;
    }
}
