namespace Yorisoi.Core.Assistance.Classification;

/// <summary>
/// Puts the trained model's ranking together with the shipped tier's. The model's weight grows with the cases it
/// learned the field from (half of <see cref="ModelWeight"/> at <see cref="HalfWeightCases"/>), so a young instance
/// leans on the shipped words and a mature one on its own history; neither tier alone decides.
/// </summary>
public static class CodeBlend
{
    /// <summary>The model's share of the blend once it has learned from many cases.</summary>
    public const double ModelWeight = 0.5;

    /// <summary>Training cases with a code for the field at which the model gets half its weight.</summary>
    public const int HalfWeightCases = 1_000;

    /// <summary>
    /// Naive Bayes posteriors are near 0 or 1 (it counts every word as independent evidence), so they are flattened
    /// before they meet the shipped confidences: the log-odds are divided by this.
    /// </summary>
    public const double Temperature = 8;

    public static double WeightFor(int casesWithField) =>
        casesWithField <= 0 ? 0 : ModelWeight * casesWithField / (casesWithField + (double)HalfWeightCases);

    /// <summary>Flattens posterior shares (as <see cref="CaseCodeModel.Rank"/> gives them) by <see cref="Temperature"/>, summing to 1 again.</summary>
    public static IReadOnlyList<(string Code, double Share)> Flatten(IReadOnlyList<(string Code, double Share)> ranked, double temperature = Temperature)
    {
        if (ranked.Count == 0)
        {
            return ranked;
        }

        var powered = ranked.Select(r => (r.Code, Share: Math.Pow(Math.Max(r.Share, double.Epsilon), 1 / temperature))).ToList();
        var total = powered.Sum(r => r.Share);
        return [.. powered.Select(r => (r.Code, r.Share / total))];
    }

    /// <summary>
    /// The candidates of both tiers by <c>(1 − w)·shipped + w·model</c>; <paramref name="nameOf"/> names a code of the
    /// current code list and returns null for one the list no longer has (a model trained before a revision).
    /// </summary>
    public static IReadOnlyList<CodeCandidate> Blend(
        IReadOnlyList<CodeCandidate> shipped, IReadOnlyList<(string Code, double Share)> model, double weight, Func<string, string?> nameOf, int limit)
    {
        if (weight <= 0 || model.Count == 0)
        {
            return [.. shipped.Take(limit)];
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        // With no word of its own known to the shipped tier, the model's ranking is all there is.
        var shippedWeight = shipped.Count == 0 ? 0 : 1 - weight;
        var modelWeight = shipped.Count == 0 ? 1 : weight;
        foreach (var c in shipped)
        {
            scores[c.Code] = shippedWeight * c.Confidence;
        }

        foreach (var (code, share) in model)
        {
            scores[code] = scores.GetValueOrDefault(code) + (modelWeight * share);
        }

        var names = shipped.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        return [.. scores
            .Select(s => (s.Key, s.Value, Name: names.GetValueOrDefault(s.Key) ?? nameOf(s.Key)))
            .Where(s => s.Name is not null)
            .OrderByDescending(s => s.Value)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(s => new CodeCandidate(s.Key, s.Name!, Math.Round(s.Value, 3)))];
    }
}
