namespace Yorisoi.Core.Knowledge;

public enum DiffKind
{
    Same = 0,
    Added = 1,
    Removed = 2,
}

public sealed record DiffLine(DiffKind Kind, string Text);

public sealed record FieldDiff(string Field, string? From, string? To, bool Changed);

public sealed record FaqVersionDiff(string EntryId, int From, int To, IReadOnlyList<FieldDiff> Fields, IReadOnlyList<DiffLine> Answer);

/// <summary>
/// Compares two versions: every field side by side, and the answer line by line (longest common subsequence), which
/// is what an approver reads to see what changed. Answers are at most a few hundred lines, so the quadratic table is cheap.
/// </summary>
public static class FaqDiff
{
    public static FaqVersionDiff Compare(FaqEntryVersion from, FaqEntryVersion to)
    {
        var fields = new List<FieldDiff>
        {
            Field("Audience", from.Audience.ToString(), to.Audience.ToString()),
            Field("Category", from.Category, to.Category),
            Field("Question", from.Question, to.Question),
            Field("Summary", from.Summary, to.Summary),
            Field("Products", Join(from.Products), Join(to.Products)),
            Field("Keywords", Join(from.Keywords), Join(to.Keywords)),
            Field("SalesForms", Join(from.SalesForms), Join(to.SalesForms)),
            Field("Laws", Join(from.Laws), Join(to.Laws)),
            Field("Related", Join(from.Related), Join(to.Related)),
            Field("ReviewDue", from.ReviewDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to.ReviewDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Field("Answer", null, null, from.Answer != to.Answer),
        };
        return new FaqVersionDiff(from.EntryId, from.Number, to.Number, fields, Lines(from.Answer, to.Answer));
    }

    public static IReadOnlyList<DiffLine> Lines(string? from, string? to)
    {
        var a = Split(from);
        var b = Split(to);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                result.Add(new DiffLine(DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        result.AddRange(a.Skip(x).Select(l => new DiffLine(DiffKind.Removed, l)));
        result.AddRange(b.Skip(y).Select(l => new DiffLine(DiffKind.Added, l)));
        return result;
    }

    private static string[] Split(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string Join(string[] values) => string.Join(", ", values);

    private static FieldDiff Field(string name, string? from, string? to, bool? changed = null) =>
        new(name, from, to, changed ?? !string.Equals(from, to, StringComparison.Ordinal));
}
