using System.Text.Json;

namespace Yorisoi.Core.Knowledge;

public sealed record FaqCategory(string Id, string Name, string EasyName, string EnglishName, int Order);

/// <summary>The shipped category list (Knowledge/Data/categories.json), in display order.</summary>
public sealed class FaqCategories
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, FaqCategory> _byId;

    public FaqCategories(IEnumerable<FaqCategory> categories)
    {
        All = categories.OrderBy(c => c.Order).ToList();
        _byId = All.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<FaqCategory> All { get; }

    public FaqCategory? Find(string? id) => id is not null && _byId.TryGetValue(id, out var c) ? c : null;

    public static FaqCategories LoadEmbedded()
    {
        using var stream = typeof(FaqCategories).Assembly.GetManifestResourceStream("Knowledge/Data/categories.json")
            ?? throw new InvalidOperationException("categories.json is not embedded.");
        var items = JsonSerializer.Deserialize<List<FaqCategory>>(stream, Json)
            ?? throw new InvalidOperationException("categories.json is empty.");
        return new FaqCategories(items);
    }
}
