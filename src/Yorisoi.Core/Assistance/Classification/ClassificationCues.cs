using System.Globalization;
using Yorisoi.Text;

namespace Yorisoi.Core.Assistance.Classification;

/// <summary>
/// The words that point to a code (Assistance/Data/classification-cues.txt), folded the way narratives are, per code
/// list. They sit beside the code list's own names and synonyms, which name a category but rarely the goods a consumer
/// describes (the list says 弁当・惣菜; the narrative says 唐揚げ).
/// </summary>
public sealed class ClassificationCues
{
    /// <summary>
    /// Weight of a word on a "code weak:" line: words that say how a consumer came across a business (an advertisement,
    /// a search, a social-media post) rather than how the contract was made, which is what 販売購入形態 records.
    /// </summary>
    public const double WeakWeight = 0.4;

    private const string ResourceName = "Assistance/Data/classification-cues.txt";

    private readonly Dictionary<string, Dictionary<string, List<CueWord>>> _lists;

    private ClassificationCues(Dictionary<string, Dictionary<string, List<CueWord>>> lists) => _lists = lists;

    public static ClassificationCues Empty { get; } = new([]);

    public static ClassificationCues LoadEmbedded()
    {
        using var stream = typeof(ClassificationCues).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Reads "[list]" sections of "code: word, word" lines; a line that is neither is refused with its number.</summary>
    public static ClassificationCues Parse(TextReader reader)
    {
        var lists = new Dictionary<string, Dictionary<string, List<CueWord>>>(StringComparer.Ordinal);
        Dictionary<string, List<CueWord>>? current = null;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                var name = trimmed[1..^1].Trim();
                if (!lists.TryGetValue(name, out current))
                {
                    current = new Dictionary<string, List<CueWord>>(StringComparer.Ordinal);
                    lists[name] = current;
                }

                continue;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (current is null || colon <= 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"classification cues, line {number}: expected \"[list]\" or \"code: word, word\"."));
            }

            var head = trimmed[..colon].Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var code = head[0];
            var weight = head.Length switch
            {
                1 => 1.0,
                2 when head[1] == "weak" => WeakWeight,
                _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"classification cues, line {number}: expected \"code: …\" or \"code weak: …\".")),
            };
            if (!current.TryGetValue(code, out var words))
            {
                words = [];
                current[code] = words;
            }

            foreach (var word in trimmed[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var folded = JapaneseNormalizer.Fold(word);
                if (folded.Length > 0)
                {
                    words.Add(new CueWord(folded, weight));
                }
            }
        }

        return new ClassificationCues(lists);
    }

    /// <summary>The folded cue words of <paramref name="list"/> by code (empty when the list has none).</summary>
    public IReadOnlyDictionary<string, List<CueWord>> Of(string list) =>
        _lists.TryGetValue(list, out var codes) ? codes : new Dictionary<string, List<CueWord>>(StringComparer.Ordinal);
}

/// <summary>A folded cue word and the weight of a match (1, or <see cref="ClassificationCues.WeakWeight"/>).</summary>
public sealed record CueWord(string Word, double Weight);
