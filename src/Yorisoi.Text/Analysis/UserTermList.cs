using System.Reflection;

namespace Yorisoi.Text.Analysis;

/// <summary>
/// Consumer-affairs terms (クーリング・オフ, 定期購入, 特定商取引法 …) that must stay one word with their reading.
/// The terms are kept as data in IPADIC user-dictionary CSV form (Data/userdic.csv). Where mecab-dict-index
/// (Debian mecab-utils) is installed, <see cref="UserDictionaryCompiler"/> compiles them into a MeCab user dictionary,
/// so MeCab itself prefers them (昨日光回線 → 昨日|光回線, where IPADIC alone says 昨|日光|回線). After MeCab, a
/// longest-match merge over its tokens joins any listed term that MeCab split anyway and gives it the listed reading;
/// without the compiler that merge is all there is, and it cannot fix a term whose edges fall inside a MeCab word.
/// </summary>
public sealed class UserTermList
{
    private static readonly Lazy<UserTermList> s_default = new(LoadDefault);

    private readonly Dictionary<string, Entry> _entries;
    private readonly int _maxLength;

    private readonly List<string> _lines;

    // Looked up by slices of the analysed text, so the merge tries a run of tokens without building its string; the
    // proper prefixes of the terms tell it when a longer run can no longer become one.
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixes;

    private UserTermList(Dictionary<string, Entry> entries, List<string> lines)
    {
        _entries = entries;
        _lines = lines;
        _maxLength = entries.Count == 0 ? 0 : entries.Keys.Max(k => k.Length);
        _bySpan = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in entries.Keys)
        {
            for (var length = 1; length < key.Length; length++)
            {
                prefixes.Add(key[..length]);
            }
        }

        _prefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The terms shipped in Yorisoi.Text (Data/userdic.csv).</summary>
    public static UserTermList Default => s_default.Value;

    public static UserTermList Empty { get; } = new([], []);

    public int Count => _entries.Count;

    public IEnumerable<Entry> Entries => _entries.Values;

    /// <summary>Reads IPADIC user-dictionary CSV: 表層形,左文脈ID,右文脈ID,コスト,品詞,細分類1,細分類2,細分類3,活用型,活用形,原形,読み,発音.</summary>
    public static UserTermList Parse(TextReader reader)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var lines = new List<string>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length < 12)
            {
                throw new FormatException($"User dictionary line {lineNumber} has {fields.Length} fields; IPADIC needs 13.");
            }

            var key = JapaneseNormalizer.NormalizeText(fields[0]);
            var detail = string.Join('-', fields[5..8].Where(f => f != "*"));
            // MeCab sees normalised text (NFKC, lower case), so a compiled entry must be spelled that way too.
            lines.Add(key + line[line.IndexOf(',', StringComparison.Ordinal)..]);
            entries[key] = new Entry(fields[0], fields[10] == "*" ? fields[0] : fields[10], fields[4], detail, fields[11] == "*" ? null : fields[11]);
        }

        return new UserTermList(entries, lines);
    }

    /// <summary>The entries as MeCab user-dictionary CSV with normalised surfaces, for mecab-dict-index.</summary>
    public string ToMeCabCsv() => string.Join('\n', _lines) + "\n";

    public bool TryGet(string surface, out Entry entry) =>
        _entries.TryGetValue(JapaneseNormalizer.NormalizeText(surface), out entry!);

    /// <summary>Joins runs of adjacent tokens that spell a listed term, longest first; offsets are into <paramref name="text"/>.</summary>
    internal List<RawToken> Merge(List<RawToken> tokens, string text)
    {
        if (_entries.Count == 0)
        {
            return tokens;
        }

        var merged = new List<RawToken>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var best = -1;
            Entry? bestEntry = null;
            var start = tokens[i].Start;
            for (var j = i; j < tokens.Count; j++)
            {
                if (j > i && tokens[j].Start != tokens[j - 1].End)
                {
                    break;
                }

                var length = tokens[j].End - start;
                if (length > _maxLength)
                {
                    break;
                }

                var run = text.AsSpan(start, length);
                if (_bySpan.TryGetValue(run, out var entry))
                {
                    best = j;
                    bestEntry = entry;
                }

                if (!_prefixes.Contains(run))
                {
                    break;
                }
            }

            if (bestEntry is null)
            {
                merged.Add(tokens[i]);
                i++;
                continue;
            }

            var first = tokens[i];
            var last = tokens[best];
            var surface = best == i ? first.Surface : text.Substring(first.Start, last.End - first.Start);
            merged.Add(new RawToken(surface, bestEntry.BaseForm, bestEntry.PartOfSpeech, bestEntry.Detail, bestEntry.Reading, first.Start, last.End - first.Start, false));
            i = best + 1;
        }

        return merged;
    }

    private static UserTermList LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Yorisoi.Text.Data.userdic.csv")
            ?? throw new InvalidOperationException("The user dictionary is not embedded in Yorisoi.Text.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    public sealed record Entry(string Surface, string BaseForm, string PartOfSpeech, string Detail, string? Reading);
}
