using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Assistance.Checklists;

/// <summary>
/// The whole checklist catalog as editors change it and as one database version stores it: the same shape as
/// Assistance/Data/checklists.json. Every member is optional and mutable, so that an incomplete document from a form or
/// the API reaches <see cref="ChecklistValidator"/> and gets an error per field instead of failing to bind.
/// </summary>
public sealed class ChecklistDocument
{
    /// <summary>The version label (e.g. "2026.2"), shown beside the checklists on every case form.</summary>
    public string? Version { get; set; }

    public List<ChecklistInput?>? Checklists { get; set; }

    private static readonly JsonSerializerOptions Storage = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public string ToJson() => JsonSerializer.Serialize(this, Storage);

    public static ChecklistDocument FromJson(string json) =>
        JsonSerializer.Deserialize<ChecklistDocument>(json, Reading) ?? throw new FormatException("checklists: empty document.");

    /// <summary>The document of a catalog (to start a draft from the version in use).</summary>
    public static ChecklistDocument From(ChecklistCatalog catalog) => new()
    {
        Version = catalog.Version,
        Checklists = [.. catalog.All.Select(c => (ChecklistInput?)new ChecklistInput
        {
            Id = c.Id, Title = c.Title, Always = c.Always, SalesForms = [.. c.SalesForms], Products = [.. c.Products], Keywords = [.. c.Keywords],
            AgeBands = [.. c.AgeBands], Harms = [.. c.Harms],
            Items = [.. c.Items.Select(i => (ChecklistItemInput?)new ChecklistItemInput { Id = i.Id, Text = i.Text, Field = i.Field })],
        })],
    };

    /// <summary>A deep copy, so that a screen can edit without touching what it was loaded from.</summary>
    public ChecklistDocument Clone() => FromJson(ToJson());

    /// <summary>The catalog of a document that <see cref="ChecklistValidator.Validate"/> accepted.</summary>
    public ChecklistCatalog ToCatalog()
    {
        var checklists = (Checklists ?? []).OfType<ChecklistInput>()
            .Select(c => new ChecklistDefinition(
                c.Id ?? "", c.Title ?? "", c.Always ?? false, Codes(c.SalesForms), Codes(c.Products), Codes(c.Keywords), Codes(c.AgeBands), Codes(c.Harms),
                [.. (c.Items ?? []).OfType<ChecklistItemInput>().Select(i => new ChecklistItemDefinition(i.Id ?? "", i.Text ?? "", string.IsNullOrEmpty(i.Field) ? null : i.Field))]))
            .ToList();
        return new ChecklistCatalog(Version ?? "", checklists);
    }

    // An in-progress document (the editor's preview) may hold blanks; a blank product code would match every product.
    private static string[] Codes(List<string>? codes) => [.. (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c))];
}

public sealed class ChecklistInput
{
    /// <summary>Stable id such as "houmon-hanbai": the form remembers which lists are open by it.</summary>
    public string? Id { get; set; }

    public string? Title { get; set; }

    /// <summary>Shown for every case (the basic questions).</summary>
    public bool? Always { get; set; }

    public List<string>? SalesForms { get; set; }

    /// <summary>商品・役務分類 codes; a two-digit group code takes the whole group.</summary>
    public List<string>? Products { get; set; }

    public List<string>? Keywords { get; set; }

    public List<string>? AgeBands { get; set; }

    /// <summary>危害・危険 codes; a group code takes its sub-codes.</summary>
    public List<string>? Harms { get; set; }

    public List<ChecklistItemInput?>? Items { get; set; }
}

public sealed class ChecklistItemInput
{
    public string? Id { get; set; }

    public string? Text { get; set; }

    /// <summary>The case field that answers the question (one of <see cref="ChecklistCatalog.KnownFields"/>), or none.</summary>
    public string? Field { get; set; }
}

/// <summary>
/// What a checklist document must satisfy before it is saved or published: everything the file parser refuses (no
/// version, no items, an item without id or text, an id used twice, an unknown field) and what an editor's form can
/// get wrong besides (empty title, a code not in the code lists, a checklist that could never apply, lengths).
/// Errors are keyed by the document's path ("Checklists[2].Items[0].Field") with Japanese messages.
/// </summary>
public static partial class ChecklistValidator
{
    public const int LabelMaxLength = 32;
    public const int IdMaxLength = 64;
    public const int TitleMaxLength = 100;
    public const int ItemTextMaxLength = 300;
    public const int MaxChecklists = 100;
    public const int MaxItems = 50;
    public const int MaxCodes = 50;

    /// <summary>The condition lists, with the code list each one draws from.</summary>
    public static IReadOnlyList<(string Property, string List)> ConditionLists { get; } =
    [
        (nameof(ChecklistInput.SalesForms), CodeListNames.SalesForm),
        (nameof(ChecklistInput.Products), CodeListNames.Product),
        (nameof(ChecklistInput.Keywords), CodeListNames.Keyword),
        (nameof(ChecklistInput.AgeBands), CodeListNames.AgeBand),
        (nameof(ChecklistInput.Harms), CodeListNames.Harm),
    ];

    /// <summary>
    /// Trims the document's text in place (so what is saved is what was checked) and returns its errors, each under
    /// <paramref name="prefix"/> + its path. Codes are checked against <paramref name="codes"/>.
    /// </summary>
    public static ValidationErrors Validate(ChecklistDocument document, CodeListVersion codes, string prefix = "")
    {
        var errors = new ValidationErrors();
        document.Version = document.Version?.Trim();
        if (string.IsNullOrEmpty(document.Version))
        {
            errors.Add(prefix + "Version", Messages.Get("Checklist.LabelRequired"));
        }
        else if (!Label().IsMatch(document.Version))
        {
            errors.Add(prefix + "Version", Messages.Format("Checklist.LabelInvalid", LabelMaxLength));
        }

        var checklists = document.Checklists ?? [];
        if (checklists.Count == 0)
        {
            errors.Add(prefix + "Checklists", Messages.Get("Checklist.NoChecklists"));
        }
        else if (checklists.Count > MaxChecklists)
        {
            errors.Add(prefix + "Checklists", Messages.Format("Checklist.TooManyChecklists", MaxChecklists));
            return errors;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < checklists.Count; i++)
        {
            var path = $"{prefix}Checklists[{i}].";
            if (checklists[i] is not { } checklist)
            {
                errors.Add(path + "Id", Messages.Get("Checklist.IdRequired"));
                continue;
            }

            ValidateChecklist(checklist, codes, path, ids, errors);
        }

        return errors;
    }

    private static void ValidateChecklist(ChecklistInput checklist, CodeListVersion codes, string path, HashSet<string> ids, ValidationErrors errors)
    {
        checklist.Id = checklist.Id?.Trim();
        checklist.Title = checklist.Title?.Trim();
        if (string.IsNullOrEmpty(checklist.Id))
        {
            errors.Add(path + "Id", Messages.Get("Checklist.IdRequired"));
        }
        else if (!Id().IsMatch(checklist.Id))
        {
            errors.Add(path + "Id", Messages.Format("Checklist.IdInvalid", IdMaxLength));
        }
        else if (!ids.Add(checklist.Id))
        {
            errors.Add(path + "Id", Messages.Format("Checklist.IdDuplicate", checklist.Id));
        }

        if (string.IsNullOrEmpty(checklist.Title))
        {
            errors.Add(path + "Title", Messages.Get("Checklist.TitleRequired"));
        }
        else if (checklist.Title.Length > TitleMaxLength)
        {
            errors.Add(path + "Title", Messages.Format("Checklist.TitleTooLong", TitleMaxLength));
        }

        var anyCondition = checklist.Always == true;
        foreach (var (property, list) in ConditionLists)
        {
            var values = ListOf(checklist, property);
            if (values is null)
            {
                continue;
            }

            for (var k = 0; k < values.Count; k++)
            {
                // JSON may carry a null inside the list whatever the annotation says.
                values[k] = (values[k] ?? "").Trim();
            }

            anyCondition |= values.Count > 0;
            if (values.Count > MaxCodes)
            {
                errors.Add(path + property, Messages.Format("Checklist.TooManyCodes", MaxCodes));
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var code in values)
            {
                if (code.Length == 0 || !codes.IsValid(list, code))
                {
                    errors.Add(path + property, Messages.Format("Checklist.UnknownCode", Shorten(code), Messages.Get("Checklist.List." + list)));
                }
                else if (!seen.Add(code))
                {
                    errors.Add(path + property, Messages.Format("Checklist.DuplicateCode", code));
                }
            }
        }

        if (!anyCondition)
        {
            errors.Add(path + "Always", Messages.Get("Checklist.NoCondition"));
        }

        ValidateItems(checklist.Items ?? [], path, errors);
    }

    private static void ValidateItems(List<ChecklistItemInput?> items, string path, ValidationErrors errors)
    {
        if (items.Count == 0)
        {
            errors.Add(path + "Items", Messages.Get("Checklist.NoItems"));
            return;
        }

        if (items.Count > MaxItems)
        {
            errors.Add(path + "Items", Messages.Format("Checklist.TooManyItems", MaxItems));
            return;
        }

        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < items.Count; j++)
        {
            var itemPath = $"{path}Items[{j}].";
            if (items[j] is not { } item)
            {
                errors.Add(itemPath + "Text", Messages.Get("Checklist.ItemTextRequired"));
                continue;
            }

            item.Id = item.Id?.Trim();
            item.Text = item.Text?.Trim();
            item.Field = string.IsNullOrWhiteSpace(item.Field) ? null : item.Field.Trim();
            if (string.IsNullOrEmpty(item.Id))
            {
                errors.Add(itemPath + "Id", Messages.Get("Checklist.ItemIdRequired"));
            }
            else if (!Id().IsMatch(item.Id))
            {
                errors.Add(itemPath + "Id", Messages.Format("Checklist.IdInvalid", IdMaxLength));
            }
            else if (!itemIds.Add(item.Id))
            {
                errors.Add(itemPath + "Id", Messages.Format("Checklist.ItemIdDuplicate", item.Id));
            }

            if (string.IsNullOrEmpty(item.Text))
            {
                errors.Add(itemPath + "Text", Messages.Get("Checklist.ItemTextRequired"));
            }
            else if (item.Text.Length > ItemTextMaxLength)
            {
                errors.Add(itemPath + "Text", Messages.Format("Checklist.ItemTextTooLong", ItemTextMaxLength));
            }

            if (item.Field is { } field && !ChecklistCatalog.KnownFields.Contains(field))
            {
                errors.Add(itemPath + "Field", Messages.Format("Checklist.UnknownField", Shorten(field)));
            }
        }
    }

    private static List<string>? ListOf(ChecklistInput checklist, string property) => property switch
    {
        nameof(ChecklistInput.SalesForms) => checklist.SalesForms,
        nameof(ChecklistInput.Products) => checklist.Products,
        nameof(ChecklistInput.Keywords) => checklist.Keywords,
        nameof(ChecklistInput.AgeBands) => checklist.AgeBands,
        _ => checklist.Harms,
    };

    /// <summary>An echoed value is cut short, so a pasted page does not come back whole in the error.</summary>
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
