using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Assistance.Checklists;

public enum ChecklistChangeKind
{
    Added = 0,
    Removed = 1,
    Changed = 2,
}

/// <summary>One checklist that differs between two versions, with what differs in Japanese (one line each).</summary>
public sealed record ChecklistChange(string Id, string Title, ChecklistChangeKind Kind, IReadOnlyList<string> Details);

/// <summary>What changed from one version to the next: per checklist added, removed or changed; the same ones are left out.</summary>
public sealed record ChecklistChanges(string FromVersion, string ToVersion, bool OrderChanged, IReadOnlyList<ChecklistChange> Checklists);

/// <summary>
/// Compares two catalogs checklist by checklist (matched by id), which is what an approver reads before publishing:
/// the title, each condition list (codes added and removed), and the items (added, removed, reworded, a field changed,
/// moved).
/// </summary>
public static class ChecklistDiff
{
    public static ChecklistChanges Compare(ChecklistCatalog from, ChecklistCatalog to)
    {
        var before = from.All.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var after = to.All.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var changes = new List<ChecklistChange>();
        foreach (var checklist in to.All)
        {
            if (!before.TryGetValue(checklist.Id, out var old))
            {
                changes.Add(new ChecklistChange(checklist.Id, checklist.Title, ChecklistChangeKind.Added,
                    [Messages.Format("Checklist.Diff.ItemCount", checklist.Items.Count)]));
            }
            else if (Details(old, checklist) is { Count: > 0 } details)
            {
                changes.Add(new ChecklistChange(checklist.Id, checklist.Title, ChecklistChangeKind.Changed, details));
            }
        }

        changes.AddRange(from.All.Where(c => !after.ContainsKey(c.Id))
            .Select(c => new ChecklistChange(c.Id, c.Title, ChecklistChangeKind.Removed, [])));
        var common = to.All.Where(c => before.ContainsKey(c.Id)).Select(c => c.Id);
        var orderChanged = !common.SequenceEqual(from.All.Where(c => after.ContainsKey(c.Id)).Select(c => c.Id), StringComparer.Ordinal);
        return new ChecklistChanges(from.Version, to.Version, orderChanged, changes);
    }

    private static List<string> Details(ChecklistDefinition from, ChecklistDefinition to)
    {
        var details = new List<string>();
        if (from.Title != to.Title)
        {
            details.Add(Messages.Format("Checklist.Diff.Title", from.Title, to.Title));
        }

        if (from.Always != to.Always)
        {
            details.Add(Messages.Get(to.Always ? "Checklist.Diff.AlwaysOn" : "Checklist.Diff.AlwaysOff"));
        }

        Codes(details, "salesForm", from.SalesForms, to.SalesForms);
        Codes(details, "product", from.Products, to.Products);
        Codes(details, "keyword", from.Keywords, to.Keywords);
        Codes(details, "ageBand", from.AgeBands, to.AgeBands);
        Codes(details, "harm", from.Harms, to.Harms);

        var oldItems = from.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var newItems = to.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var item in to.Items)
        {
            if (!oldItems.TryGetValue(item.Id, out var old))
            {
                details.Add(Messages.Format("Checklist.Diff.ItemAdded", item.Text));
                continue;
            }

            if (old.Text != item.Text)
            {
                details.Add(Messages.Format("Checklist.Diff.ItemText", old.Text, item.Text));
            }

            if (old.Field != item.Field)
            {
                details.Add(Messages.Format("Checklist.Diff.ItemField", item.Text, old.Field ?? "—", item.Field ?? "—"));
            }
        }

        details.AddRange(from.Items.Where(i => !newItems.ContainsKey(i.Id)).Select(i => Messages.Format("Checklist.Diff.ItemRemoved", i.Text)));
        var kept = to.Items.Where(i => oldItems.ContainsKey(i.Id)).Select(i => i.Id);
        if (!kept.SequenceEqual(from.Items.Where(i => newItems.ContainsKey(i.Id)).Select(i => i.Id), StringComparer.Ordinal))
        {
            details.Add(Messages.Get("Checklist.Diff.ItemOrder"));
        }

        return details;
    }

    private static void Codes(List<string> details, string list, IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        var added = to.Except(from, StringComparer.Ordinal).ToList();
        var removed = from.Except(to, StringComparer.Ordinal).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return;
        }

        details.Add(Messages.Format("Checklist.Diff.Codes", Messages.Get("Checklist.List." + list),
            added.Count == 0 ? "—" : string.Join("、", added), removed.Count == 0 ? "—" : string.Join("、", removed)));
    }
}
