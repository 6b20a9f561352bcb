using System.Globalization;

namespace Yorisoi.Core.Knowledge;

/// <summary>One shipped entry as read from its Markdown file.</summary>
public sealed record FaqDocument(
    string Id,
    FaqAudience Audience,
    string Category,
    string Question,
    string Summary,
    string[] Products,
    string[] Keywords,
    string[] SalesForms,
    string[] Laws,
    string[] Related,
    DateOnly? ReviewDue,
    string Body);

/// <summary>
/// Reads the front matter of the shipped entries: a block between two "---" lines of "key: value" pairs, where a
/// value is a plain or quoted scalar or a flow list ([a, "b"]). That subset is all the files use; anything else is
/// an error naming the file and line, so a malformed entry fails the build's tests rather than importing half.
/// </summary>
public static class FaqFrontMatter
{
    private static readonly string[] Required = ["id", "audience", "category", "question", "summary", "products", "keywords", "salesForms", "laws", "related", "reviewDue"];

    public static FaqDocument Parse(string text, string source)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new FormatException($"{source}: the file does not start with front matter (---).");
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new FormatException($"{source}: the front matter is not closed (---).");
        }

        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 1; i < end; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"{source}:{i + 1}: expected 'key: value'.");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (!fields.TryAdd(key, value.StartsWith('[') ? ParseList(value, source, i + 1) : Unquote(value)))
            {
                throw new FormatException($"{source}:{i + 1}: '{key}' appears twice.");
            }
        }

        var missing = Required.Where(k => !fields.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{source}: missing {string.Join(", ", missing)}.");
        }

        var audience = Scalar(fields, "audience", source) switch
        {
            "public" => FaqAudience.Public,
            "internal" => FaqAudience.Internal,
            var other => throw new FormatException($"{source}: audience '{other}' is neither public nor internal."),
        };
        var reviewDue = Scalar(fields, "reviewDue", source);
        DateOnly? due = reviewDue.Length == 0 ? null
            : DateOnly.TryParseExact(reviewDue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new FormatException($"{source}: reviewDue '{reviewDue}' is not a YYYY-MM-DD date.");

        return new FaqDocument(
            Scalar(fields, "id", source),
            audience,
            Scalar(fields, "category", source),
            Scalar(fields, "question", source),
            Scalar(fields, "summary", source),
            List(fields, "products", source),
            List(fields, "keywords", source),
            List(fields, "salesForms", source),
            List(fields, "laws", source),
            List(fields, "related", source),
            due,
            string.Join('\n', lines.Skip(end + 1)).Trim());
    }

    private static string Scalar(Dictionary<string, object> fields, string key, string source) =>
        fields[key] as string ?? throw new FormatException($"{source}: '{key}' must be a single value, not a list.");

    private static string[] List(Dictionary<string, object> fields, string key, string source) =>
        fields[key] as string[] ?? throw new FormatException($"{source}: '{key}' must be a list ([...]).");

    private static string[] ParseList(string value, string source, int line)
    {
        if (!value.EndsWith(']'))
        {
            throw new FormatException($"{source}:{line}: a list must end with ']' on the same line.");
        }

        var inner = value[1..^1];
        var items = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        foreach (var ch in inner)
        {
            if (quote is { } q)
            {
                if (ch == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch is '"' or '\'')
            {
                quote = ch;
            }
            else if (ch == ',')
            {
                items.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        if (quote is not null)
        {
            throw new FormatException($"{source}:{line}: unclosed quote in list.");
        }

        var last = current.ToString().Trim();
        if (last.Length > 0 || items.Count > 0)
        {
            items.Add(last);
        }

        return items.Any(i => i.Length == 0)
            ? throw new FormatException($"{source}:{line}: empty list item.")
            : items.ToArray();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;
}
