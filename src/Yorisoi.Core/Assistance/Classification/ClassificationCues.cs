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
    private const string ResourceName = "Assistance/Data/classification-cues.txt";

    private readonly Dictionary<string, Dictionary<string, List<string>>> _lists;

    private ClassificationCues(Dictionary<string, Dictionary<string, List<string>>> lists) => _lists = lists;

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
        var lists = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        Dictionary<string, List<string>>? current = null;
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
                    current = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                    lists[name] = current;
                }

                continue;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (current is null || colon <= 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"classification cues, line {number}: expected \"[list]\" or \"code: word, word\"."));
            }

            var code = trimmed[..colon].Trim();
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
                    words.Add(folded);
                }
            }
        }

        return new ClassificationCues(lists);
    }

    /// <summary>The folded cue words of <paramref name="list"/> by code (empty when the list has none).</summary>
    public IReadOnlyDictionary<string, List<string>> Of(string list) =>
        _lists.TryGetValue(list, out var codes) ? codes : new Dictionary<string, List<string>>(StringComparer.Ordinal);
}
