using System.Reflection;

namespace Yorisoi.Text.Analysis;

/// <summary>
/// Everyday expressions that show a legal situation, mapped to the terms the law and the knowledge base use for it
/// (Data/situations.txt): 「必ず上がる」 is 断定的判断, 「帰ってくれない」 is 不退去, 「分割払い」 brings 割賦販売法.
/// A caller tells a story in the first kind of words; the general entries that answer it (取消し under the consumer
/// contract act, 抗弁の接続) are written in the second, so the words of the story alone rarely reach them.
/// One line is "expression, expression => term, term"; expressions are found anywhere in a text by their folded form
/// (width, case, kana, no spaces), longest first, so 学生ローン is not also read as ローン.
/// </summary>
public sealed class SituationList
{
    private static readonly Lazy<SituationList> s_default = new(LoadDefault);

    // Folded expressions by their first character, longest first; each with the terms of its line.
    private readonly Dictionary<char, (string Expression, string[] Terms)[]> _byFirst;

    private SituationList(Dictionary<char, (string, string[])[]> byFirst, int groups)
    {
        _byFirst = byFirst;
        GroupCount = groups;
    }

    public static SituationList Default => s_default.Value;

    public static SituationList Empty { get; } = new([], 0);

    public int GroupCount { get; }

    public static SituationList Parse(TextReader reader)
    {
        var expressions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var groups = 0;
        var number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var terms = arrow < 0 ? [] : Words(line[(arrow + 2)..]);
            if (arrow < 0 || terms.Length == 0)
            {
                throw new FormatException($"Situation list line {number}: expected \"expression, … => term, …\".");
            }

            groups++;
            foreach (var expression in Words(line[..arrow]).Select(JapaneseNormalizer.Fold).Where(e => e.Length > 0))
            {
                if (!expressions.TryGetValue(expression, out var set))
                {
                    expressions[expression] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(terms);
            }
        }

        var byFirst = expressions
            .GroupBy(e => e.Key[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Key.Length).Select(e => (e.Key, e.Value.ToArray())).ToArray());
        return new SituationList(byFirst, groups);
    }

    /// <summary>The terms of the situations <paramref name="text"/> shows, each once, in the order they first appear.</summary>
    public IReadOnlyList<string> TermsOf(string? text)
    {
        var folded = JapaneseNormalizer.Fold(text);
        var terms = new List<string>();
        if (folded.Length == 0 || _byFirst.Count == 0)
        {
            return terms;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < folded.Length)
        {
            var matched = 0;
            if (_byFirst.TryGetValue(folded[i], out var candidates))
            {
                foreach (var (expression, found) in candidates)
                {
                    if (folded.AsSpan(i).StartsWith(expression, StringComparison.Ordinal))
                    {
                        matched = expression.Length;
                        terms.AddRange(found.Where(seen.Add));
                        break;
                    }
                }
            }

            i += Math.Max(1, matched);
        }

        return terms;
    }

    private static string[] Words(string part) =>
        part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static SituationList LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Yorisoi.Text.Data.situations.txt")
            ?? throw new InvalidOperationException("The situation list is not embedded in Yorisoi.Text.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
