using Yorisoi.Core.Cases;

namespace Yorisoi.Web.Features.Cases;

/// <summary>
/// Field errors as the service reports them, keyed by input path ("Consultant.Phone"). The same key
/// gives the input's id and its message's id, so the summary links and aria-describedby line up.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>Keys in the order the form shows its fields, so the summary reads top to bottom.</summary>
    public IReadOnlyList<string> Order { get; init; } = [];

    public int Count => _errors.Values.Sum(v => v.Length);

    public bool Any => _errors.Count > 0;

    public void Clear() => _errors.Clear();

    public void Set(IDictionary<string, string[]> errors)
    {
        _errors.Clear();
        foreach (var (key, messages) in errors)
        {
            _errors[key] = messages;
        }
    }

    public void Set(ValidationErrors? errors) => Set(errors?.ToDictionary() ?? new Dictionary<string, string[]>());

    public void Add(string path, string message) =>
        _errors[path] = _errors.TryGetValue(path, out var existing) ? [.. existing, message] : [message];

    public void Remove(string path) => _errors.Remove(path);

    public bool Has(string path) => _errors.ContainsKey(path);

    public IReadOnlyList<string> For(string path) => _errors.TryGetValue(path, out var messages) ? messages : [];

    public IEnumerable<(string Path, string Message)> All()
    {
        var ordered = _errors.Keys.OrderBy(k => Order.IndexOf(k) is var i && i < 0 ? int.MaxValue : i).ThenBy(k => k, StringComparer.Ordinal);
        foreach (var key in ordered)
        {
            foreach (var message in _errors[key])
            {
                yield return (key, message);
            }
        }
    }

    /// <summary>Keeps ids unique when one page has several forms with the same field names (処理経過 and あっせん).</summary>
    public string IdPrefix { get; init; } = "";

    public string InputId(string path) => $"{IdPrefix}f-{path.Replace('.', '-')}";

    public string ErrorId(string path) => $"{IdPrefix}e-{path.Replace('.', '-')}";

    public string HintId(string path) => $"{IdPrefix}h-{path.Replace('.', '-')}";

    /// <summary>id, aria-invalid and aria-describedby for an input, to splat with @attributes.</summary>
    public Dictionary<string, object> Attrs(string path, string? hintId = null)
    {
        var attributes = new Dictionary<string, object> { ["id"] = InputId(path) };
        var describedBy = string.Join(' ', new[] { hintId, Has(path) ? ErrorId(path) : null }.OfType<string>());
        if (describedBy.Length > 0)
        {
            attributes["aria-describedby"] = describedBy;
        }

        if (Has(path))
        {
            attributes["aria-invalid"] = "true";
        }

        return attributes;
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
