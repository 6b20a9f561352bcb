using System.Reflection;

namespace Yorisoi.Text.Analysis;

/// <summary>Base forms too common to search for (Data/stopwords.txt), on top of the parts of speech dropped by the analysers.</summary>
public static class StopWords
{
    private static readonly Lazy<HashSet<string>> s_words = new(Load);

    public static IReadOnlySet<string> Default => s_words.Value;

    /// <summary>Parts of speech that never carry the meaning of a query: particles, auxiliaries, symbols, conjunctions.</summary>
    public static bool IsFunctionWord(MorphToken token) =>
        !token.IsUnknown && (token.PartOfSpeech is "助詞" or "助動詞" or "記号" or "フィラー" or "その他" or "接続詞"
            || (token.IsNoun && (token.PartOfSpeechDetail.StartsWith("非自立", StringComparison.Ordinal)
                || token.PartOfSpeechDetail.StartsWith("代名詞", StringComparison.Ordinal))));

    public static bool IsStopWord(string baseForm) => s_words.Value.Contains(baseForm);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Yorisoi.Text.Data.stopwords.txt")
            ?? throw new InvalidOperationException("The stop-word list is not embedded in Yorisoi.Text.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }

        return words;
    }
}
