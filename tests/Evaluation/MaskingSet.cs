using System.Text.Json;

namespace Yorisoi.Tests.Evaluation;

/// <summary>One narrative of masking.jsonl: the substrings that must be masked and those that must survive.</summary>
public sealed record MaskingCase(string Id, string Text, IReadOnlyList<string> Personal, IReadOnlyList<string> Keep);

/// <summary>Reads tests/Evaluation/masking.jsonl, the hand-written set for the personal-data masker.</summary>
public static class MaskingSet
{
    public static IReadOnlyList<MaskingCase> Cases()
    {
        var cases = new List<MaskingCase>();
        foreach (var line in File.ReadLines(Path.Combine(EvaluationSet.Directory(), "masking.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            cases.Add(new MaskingCase(
                root.GetProperty("id").GetString()!,
                root.GetProperty("text").GetString()!,
                Strings(root.GetProperty("personal")),
                Strings(root.GetProperty("keep"))));
        }

        return cases;
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
