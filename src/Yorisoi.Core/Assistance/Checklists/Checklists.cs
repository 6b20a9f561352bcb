using System.Text.Json;
using System.Text.Json.Serialization;

namespace Yorisoi.Core.Assistance.Checklists;

/// <summary>One question of a checklist; <see cref="Field"/> names the case field that answers it, if one does.</summary>
public sealed record ChecklistItemDefinition(string Id, string Text, string? Field);

/// <summary>
/// What a counselor should ask about one kind of case. It applies when any of its conditions matches (or always); a
/// product condition of two digits takes the whole group (13 = every 工事・建築・加工 code).
/// </summary>
public sealed record ChecklistDefinition(
    string Id,
    string Title,
    bool Always,
    IReadOnlyList<string> SalesForms,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> AgeBands,
    IReadOnlyList<string> Harms,
    IReadOnlyList<ChecklistItemDefinition> Items);

/// <summary>An item as shown on the form: ticked when the field it asks for is filled.</summary>
public sealed record ChecklistItemState(string Id, string Text, string? Field, bool Done);

/// <summary>A checklist that applies to the case, with why (the condition that matched) and its items' state.</summary>
public sealed record ChecklistSuggestion(string Id, string Title, string Version, string Reason, IReadOnlyList<ChecklistItemState> Items);

/// <summary>
/// The checklists of Q出し (Assistance/Data/checklists.json, versioned as a whole): per sales form, product category,
/// keyword, age band or harm, the questions to ask. Which apply is decided from the case's fields, and where the
/// counselor has not classified the case yet, from the classification suggestions' first candidates.
/// </summary>
public sealed class ChecklistCatalog
{
    private const string ResourceName = "Assistance/Data/checklists.json";

    /// <summary>The case fields an item may name; anything else in the data is refused when it is read.</summary>
    public static readonly IReadOnlySet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "contractDate", "documentReceivedDate", "contractAmount", "amountBilled", "amountPaid", "paymentMethod",
        "businessName", "businessContact", "harm", "ageBand", "product", "salesForm",
    };

    internal ChecklistCatalog(string version, IReadOnlyList<ChecklistDefinition> checklists)
    {
        Version = version;
        All = checklists;
    }

    public string Version { get; }

    public IReadOnlyList<ChecklistDefinition> All { get; }

    public static ChecklistCatalog LoadEmbedded()
    {
        using var stream = typeof(ChecklistCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return Parse(stream);
    }

    public static ChecklistCatalog Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<ChecklistFile>(json, Options) ?? throw new FormatException("checklists: empty document.");
        if (string.IsNullOrWhiteSpace(file.Version))
        {
            throw new FormatException("checklists: \"version\" is missing.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var checklists = new List<ChecklistDefinition>();
        foreach (var c in file.Checklists)
        {
            if (string.IsNullOrWhiteSpace(c.Id) || !ids.Add(c.Id))
            {
                throw new FormatException($"checklists: the id \"{c.Id}\" is missing or used twice.");
            }

            if (c.Items.Count == 0 || c.Items.Any(i => string.IsNullOrWhiteSpace(i.Id) || string.IsNullOrWhiteSpace(i.Text)))
            {
                throw new FormatException($"checklists: \"{c.Id}\" has no items, or an item without an id or text.");
            }

            if (c.Items.FirstOrDefault(i => i.Field is not null && !KnownFields.Contains(i.Field)) is { } unknown)
            {
                throw new FormatException($"checklists: \"{c.Id}/{unknown.Id}\" names the unknown field \"{unknown.Field}\".");
            }

            checklists.Add(new ChecklistDefinition(c.Id, c.Title, c.Always, c.SalesForms, c.Products, c.Keywords, c.AgeBands, c.Harms,
                [.. c.Items.Select(i => new ChecklistItemDefinition(i.Id, i.Text, i.Field))]));
        }

        return new ChecklistCatalog(file.Version, checklists);
    }

    /// <summary>The checklists that apply to <paramref name="fields"/>, in the data's order (the basic one first).</summary>
    public IReadOnlyList<ChecklistSuggestion> For(AssistCaseFields fields)
    {
        var result = new List<ChecklistSuggestion>();
        foreach (var checklist in All)
        {
            if (ReasonFor(checklist, fields) is not { } reason)
            {
                continue;
            }

            result.Add(new ChecklistSuggestion(checklist.Id, checklist.Title, Version, reason,
                [.. checklist.Items.Select(i => new ChecklistItemState(i.Id, i.Text, i.Field, i.Field is { } f && IsFilled(fields, f)))]));
        }

        return result;
    }

    private static string? ReasonFor(ChecklistDefinition checklist, AssistCaseFields fields)
    {
        if (checklist.Always)
        {
            return "always";
        }

        if (fields.SalesForm is { } salesForm && checklist.SalesForms.Contains(salesForm))
        {
            return "salesForm:" + salesForm;
        }

        if (fields.Product is { } product && checklist.Products.FirstOrDefault(p => product.StartsWith(p, StringComparison.Ordinal)) is { } group)
        {
            return "product:" + group;
        }

        if (fields.Keywords?.FirstOrDefault(k => checklist.Keywords.Contains(k)) is { } keyword)
        {
            return "keyword:" + keyword;
        }

        if (fields.AgeBand is { } age && checklist.AgeBands.Contains(age))
        {
            return "ageBand:" + age;
        }

        return fields.Harm is { } harm && checklist.Harms.FirstOrDefault(h => harm.StartsWith(h, StringComparison.Ordinal)) is { } harmGroup
            ? "harm:" + harmGroup
            : null;
    }

    private static bool IsFilled(AssistCaseFields f, string field) => field switch
    {
        "contractDate" => f.ContractDate is not null,
        "documentReceivedDate" => f.DocumentReceivedDate is not null,
        "contractAmount" => f.ContractAmount is not null || f.AmountBilled is not null,
        "amountBilled" => f.AmountBilled is not null,
        "amountPaid" => f.AmountPaid is not null,
        "paymentMethod" => !string.IsNullOrWhiteSpace(f.PaymentMethod),
        "businessName" => !string.IsNullOrWhiteSpace(f.BusinessName),
        "businessContact" => !string.IsNullOrWhiteSpace(f.BusinessPhone) || !string.IsNullOrWhiteSpace(f.BusinessAddress) || !string.IsNullOrWhiteSpace(f.BusinessUrl),
        "harm" => !string.IsNullOrWhiteSpace(f.Harm),
        "ageBand" => !string.IsNullOrWhiteSpace(f.AgeBand),
        "product" => !string.IsNullOrWhiteSpace(f.Product),
        "salesForm" => !string.IsNullOrWhiteSpace(f.SalesForm),
        _ => false,
    };

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed class ChecklistFile
    {
        public string Version { get; set; } = "";

        public string? Note { get; set; }

        public List<ChecklistJson> Checklists { get; set; } = [];
    }

    private sealed class ChecklistJson
    {
        public string Id { get; set; } = "";

        public string Title { get; set; } = "";

        public bool Always { get; set; }

        public List<string> SalesForms { get; set; } = [];

        public List<string> Products { get; set; } = [];

        public List<string> Keywords { get; set; } = [];

        public List<string> AgeBands { get; set; } = [];

        public List<string> Harms { get; set; } = [];

        public List<ItemJson> Items { get; set; } = [];
    }

    private sealed class ItemJson
    {
        public string Id { get; set; } = "";

        public string Text { get; set; } = "";

        [JsonPropertyName("field")]
        public string? Field { get; set; }
    }
}
