using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Knowledge;
using Yorisoi.Text;

namespace Yorisoi.Core.Assistance.Classification;

/// <summary>A code offered for a field, with the share of the evidence behind it (0–1, the candidates of a field sum to at most 1).</summary>
public sealed record CodeCandidate(string Code, string Name, double Confidence);

/// <summary>Ranked candidates per field of the case form.</summary>
public sealed record CodeSuggestions(
    IReadOnlyList<CodeCandidate> Product,
    IReadOnlyList<CodeCandidate> SalesForm,
    IReadOnlyList<CodeCandidate> Keywords,
    IReadOnlyList<CodeCandidate> Result)
{
    public static CodeSuggestions None { get; } = new([], [], [], []);
}

/// <summary>
/// What the project ships, for an instance with few cases of its own: the words of a narrative that name goods,
/// services and ways of selling (the code lists' names and synonyms and <see cref="ClassificationCues"/>), and the codes
/// the editors gave the FAQ entries that the narrative brings up. Each place in the text counts once, for its longest
/// word, so 訪問販売 is not also counted as 販売; longer words weigh more, as a two-character word is weaker evidence.
/// </summary>
public sealed class ShippedCodeClassifier
{
    /// <summary>
    /// Weight of the codes of the FAQ entries a narrative brings up, against 1 for a word of four characters or more.
    /// An entry covers a trouble (定期購入) across the goods it happens with, so its codes only break ties between the
    /// words: on the hand-written narratives product top-3 was 0.81 at 1.0, 0.89 at 0.5, 0.91 at 0.1 and 0.86 without them.
    /// </summary>
    private const double FaqWeight = 0.1;

    private readonly CodeListVersion _codes;
    private readonly Dictionary<string, (string Word, string Code, double Weight)[]> _words = new(StringComparer.Ordinal);

    public ShippedCodeClassifier(CodeListVersion codes, ClassificationCues cues)
    {
        _codes = codes;
        foreach (var list in new[] { CodeListNames.Product, CodeListNames.SalesForm, CodeListNames.Keyword, CodeListNames.Result })
        {
            var words = new List<(string Word, string Code, double Weight)>();
            foreach (var item in codes.Items(list).Where(i => i.IsLeaf))
            {
                foreach (var word in item.Synonyms.Prepend(item.Name))
                {
                    var folded = JapaneseNormalizer.Fold(word);
                    if (folded.Length >= 2)
                    {
                        words.Add((folded, item.Code, 1.0));
                    }
                }
            }

            foreach (var (code, cueWords) in cues.Of(list))
            {
                if (codes.Find(list, code) is { IsLeaf: true })
                {
                    words.AddRange(cueWords.Select(w => (w.Word, code, w.Weight)));
                }
            }

            _words[list] = [.. words.DistinctBy(w => (w.Word, w.Code)).OrderByDescending(w => w.Word.Length).ThenBy(w => w.Word, StringComparer.Ordinal)];
        }
    }

    public string CodeListVersion => _codes.Version;

    /// <summary>The name of a leaf code of the current code list, or null for a code it does not have (or no longer has).</summary>
    public string? LeafName(string list, string code) => _codes.Find(list, code) is { IsLeaf: true } item ? item.Name : null;

    /// <summary>Up to <paramref name="limit"/> candidates per field for <paramref name="text"/>, given the FAQ entries it brought up (best first).</summary>
    public CodeSuggestions Suggest(string? text, IReadOnlyList<FaqIndexHit> faqHits, int limit = 5)
    {
        var folded = JapaneseNormalizer.Fold(text);
        if (folded.Length == 0 && faqHits.Count == 0)
        {
            return CodeSuggestions.None;
        }

        return new CodeSuggestions(
            Rank(CodeListNames.Product, folded, faqHits, e => e.Products, limit),
            Rank(CodeListNames.SalesForm, folded, faqHits, e => e.SalesForms, limit),
            Rank(CodeListNames.Keyword, folded, faqHits, e => e.Keywords, limit),
            Rank(CodeListNames.Result, folded, [], _ => [], limit));
    }

    private List<CodeCandidate> Rank(string list, string folded, IReadOnlyList<FaqIndexHit> faqHits, Func<FaqIndexEntry, string[]> codesOf, int limit)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var claimed = new bool[folded.Length];
        foreach (var (word, code, weight) in _words[list])
        {
            for (var at = folded.IndexOf(word, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (Array.IndexOf(claimed, true, at, word.Length) >= 0 || InsideLatinWord(folded, word, at))
                {
                    continue;
                }

                Array.Fill(claimed, true, at, word.Length);
                scores[code] = scores.GetValueOrDefault(code) + (weight * Math.Min(word.Length, 4) / 4.0);
            }
        }

        var best = faqHits.Count > 0 && faqHits[0].Score > 0 ? faqHits[0].Score : 1;
        foreach (var hit in faqHits)
        {
            var entryCodes = codesOf(hit.Entry);
            for (var i = 0; i < entryCodes.Length; i++)
            {
                // The editors list an entry's codes most typical first.
                if (_codes.Find(list, entryCodes[i]) is { IsLeaf: true })
                {
                    scores[entryCodes[i]] = scores.GetValueOrDefault(entryCodes[i]) + FaqWeight * hit.Score / best / (i + 1);
                }
            }
        }

        var total = scores.Values.Sum();
        if (total <= 0)
        {
            return [];
        }

        return [.. scores
            .OrderByDescending(s => s.Value)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(s => new CodeCandidate(s.Key, _codes.NameOf(list, s.Key) ?? s.Key, Math.Round(s.Value / total, 3)))];
    }

    /// <summary>A Latin word (LED, SIM, PC) counts only as a whole word: "cancelled" does not name a light.</summary>
    private static bool InsideLatinWord(string text, string word, int at) =>
        IsLatin(word[0]) && ((at > 0 && IsLatin(text[at - 1])) || (at + word.Length < text.Length && IsLatin(text[at + word.Length])));

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c);
}
