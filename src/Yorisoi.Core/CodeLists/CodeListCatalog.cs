using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Yorisoi.Text;

namespace Yorisoi.Core.CodeLists;

/// <summary>Names of the code lists, as they appear in the versioned data files.</summary>
public static class CodeListNames
{
    public const string Product = "product";
    public const string Keyword = "keyword";
    public const string SalesForm = "salesForm";
    public const string Channel = "channel";
    public const string AgeBand = "ageBand";
    public const string Gender = "gender";
    public const string Occupation = "occupation";
    public const string PaymentMethod = "paymentMethod";
    public const string Result = "result";
    public const string Harm = "harm";
    public const string HandlingMethod = "handlingMethod";
    public const string Counterpart = "counterpart";
    public const string Relationship = "relationship";
    public const string ConsumerRequest = "consumerRequest";
}

public sealed record CodeItem(string List, string Code, string Name, string? ParentCode, string Path, IReadOnlyList<string> Synonyms, bool IsLeaf, int Depth)
{
    internal string Folded { get; init; } = string.Empty;
}

/// <summary>
/// One version of every code list, read from the versioned data file in the repository.
/// Lookups are in memory: the lists are small and read on every keystroke of a code picker.
/// </summary>
public sealed class CodeListVersion
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, CodeItem>> _byCode;
    private readonly FrozenDictionary<string, IReadOnlyList<CodeItem>> _ordered;

    private CodeListVersion(string version, Dictionary<string, List<CodeItem>> lists)
    {
        Version = version;
        _ordered = lists.ToFrozenDictionary(kv => kv.Key, kv => (IReadOnlyList<CodeItem>)kv.Value, StringComparer.Ordinal);
        _byCode = lists.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public string Version { get; }

    public IEnumerable<string> ListNames => _ordered.Keys;

    public IReadOnlyList<CodeItem> Items(string list) =>
        _ordered.TryGetValue(list, out var items) ? items : throw new KeyNotFoundException($"Unknown code list '{list}'.");

    public bool HasList(string list) => _ordered.ContainsKey(list);

    public CodeItem? Find(string list, string? code) =>
        code is not null && _byCode.TryGetValue(list, out var items) && items.TryGetValue(code, out var item) ? item : null;

    public bool IsValid(string list, string? code, bool leafOnly = false) =>
        Find(list, code) is { } item && (!leafOnly || item.IsLeaf);

    public string? NameOf(string list, string? code) => Find(list, code)?.Name;

    /// <summary>
    /// Codes whose name, path or synonyms contain the query after width/kana folding; names that
    /// start with the query first, then leaves before branches, then code order.
    /// </summary>
    public IReadOnlyList<CodeItem> Search(string list, string? query, int limit = 20)
    {
        var items = Items(list);
        var folded = JapaneseNormalizer.Fold(query);
        if (folded.Length == 0)
        {
            return items.Take(limit).ToList();
        }

        return items
            .Select(item => (item, rank: Rank(item, folded)))
            .Where(x => x.rank >= 0)
            .OrderBy(x => x.rank)
            .ThenBy(x => x.item.IsLeaf ? 0 : 1)
            .ThenBy(x => x.item.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => x.item)
            .ToList();
    }

    private static int Rank(CodeItem item, string folded)
    {
        if (item.Code.Equals(folded, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var name = JapaneseNormalizer.Fold(item.Name);
        if (name.StartsWith(folded, StringComparison.Ordinal))
        {
            return 1;
        }

        if (name.Contains(folded, StringComparison.Ordinal))
        {
            return 2;
        }

        return item.Folded.Contains(folded, StringComparison.Ordinal) ? 3 : -1;
    }

    public static CodeListVersion Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<CodeListFile>(json, JsonOptions)
            ?? throw new InvalidDataException("The code list file is empty.");
        var lists = new Dictionary<string, List<CodeItem>>(StringComparer.Ordinal);
        foreach (var (name, roots) in file.Lists)
        {
            var flat = new List<CodeItem>();
            Flatten(name, roots, parent: null, parentPath: null, depth: 1, flat);
            var duplicate = flat.GroupBy(i => i.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new InvalidDataException($"Code '{duplicate.Key}' appears twice in list '{name}'.");
            }

            lists[name] = flat;
        }

        return new CodeListVersion(file.Version, lists);
    }

    private static void Flatten(string list, List<CodeNode> nodes, string? parent, string? parentPath, int depth, List<CodeItem> into)
    {
        foreach (var node in nodes)
        {
            var path = parentPath is null ? node.Name : $"{parentPath} > {node.Name}";
            var synonyms = node.Synonyms ?? [];
            var children = node.Children ?? [];
            var item = new CodeItem(list, node.Code, node.Name, parent, path, synonyms, children.Count == 0, depth)
            {
                Folded = JapaneseNormalizer.Fold(path + " " + string.Join(' ', synonyms)),
            };
            into.Add(item);
            Flatten(list, children, node.Code, path, depth + 1, into);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed class CodeListFile
    {
        [JsonPropertyName("version")]
        public string Version { get; set; } = "";

        [JsonPropertyName("lists")]
        public Dictionary<string, List<CodeNode>> Lists { get; set; } = [];
    }

    private sealed class CodeNode
    {
        [JsonPropertyName("code")]
        public string Code { get; set; } = "";

        [JsonPropertyName("name")]
        public string Name { get; set; } = "";

        [JsonPropertyName("synonyms")]
        public List<string>? Synonyms { get; set; }

        [JsonPropertyName("children")]
        public List<CodeNode>? Children { get; set; }
    }
}

/// <summary>Every code-list version shipped with this build; new cases use the newest.</summary>
public sealed class CodeListCatalog
{
    private readonly Dictionary<string, CodeListVersion> _versions;

    public CodeListCatalog(IEnumerable<CodeListVersion> versions)
    {
        _versions = versions.ToDictionary(v => v.Version, StringComparer.Ordinal);
        Current = _versions.Values.OrderBy(v => v.Version, StringComparer.Ordinal).Last();
    }

    public CodeListVersion Current { get; }

    public IEnumerable<CodeListVersion> Versions => _versions.Values;

    /// <summary>The version a case was recorded with; old cases keep showing the names they were filed under.</summary>
    public CodeListVersion Get(string? version) =>
        version is not null && _versions.TryGetValue(version, out var v) ? v : Current;

    public static CodeListCatalog LoadEmbedded()
    {
        var assembly = typeof(CodeListCatalog).Assembly;
        var versions = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("CodeLists/Data/codelists-", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return CodeListVersion.Parse(stream);
            })
            .ToList();
        if (versions.Count == 0)
        {
            throw new InvalidOperationException("No code list data is embedded in Yorisoi.Core.");
        }

        return new CodeListCatalog(versions);
    }
}
