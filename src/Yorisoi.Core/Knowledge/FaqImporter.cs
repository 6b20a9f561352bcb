using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;

namespace Yorisoi.Core.Knowledge;

/// <summary>
/// Imports the entries shipped with the product (Knowledge/Data/faq/*.md) as published version 1 of the national
/// knowledge base, authored by the system. Only missing entries are imported: once an entry exists, editors own
/// it, and a changed file never overwrites their work (ship a new id, or edit the entry on screen).
/// </summary>
public static class FaqImporter
{
    public const string SystemAuthor = "システム（同梱データ）";

    private const string ResourcePrefix = "Knowledge/Data/faq/";

    /// <summary>Every shipped entry, parsed and checked; throws with every problem listed if any file is wrong.</summary>
    public static IReadOnlyList<FaqDocument> ReadShipped(CodeListVersion codes, FaqCategories categories)
    {
        var assembly = typeof(FaqImporter).Assembly;
        var documents = new List<FaqDocument>();
        var problems = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            try
            {
                var doc = FaqFrontMatter.Parse(reader.ReadToEnd(), name);
                if (doc.Id != Path.GetFileNameWithoutExtension(name))
                {
                    problems.Add($"{name}: id '{doc.Id}' does not match the file name.");
                }

                var errors = FaqRules.Validate(ToInput(doc), codes, categories, creating: true);
                problems.AddRange(errors.ToDictionary().Select(e => $"{name}: {e.Key}: {string.Join(" ", e.Value)}"));
                documents.Add(doc);
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }
        }

        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(documents.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: shipped twice."));
        problems.AddRange(documents.SelectMany(d => d.Related.Where(r => !ids.Contains(r)).Select(r => $"{d.Id}: related entry '{r}' is not shipped.")));
        if (documents.Count == 0)
        {
            problems.Add("No shipped knowledge-base entries are embedded.");
        }

        return problems.Count > 0
            ? throw new InvalidOperationException("Shipped knowledge-base entries are invalid:\n" + string.Join('\n', problems))
            : documents;
    }

    /// <summary>Adds the shipped entries the database does not have yet; returns how many were added.</summary>
    public static async Task<int> ImportMissingAsync(YorisoiDbContext db, CodeListVersion codes, FaqCategories categories, TimeProvider clock, CancellationToken ct = default)
    {
        var documents = ReadShipped(codes, categories);
        var existing = (await db.FaqEntries.IgnoreQueryFilters().Select(e => e.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var doc in documents.Where(d => !existing.Contains(d.Id)))
        {
            var entry = new FaqEntry
            {
                Id = doc.Id, OwnerCenterId = null, Audience = doc.Audience, Category = doc.Category, PublishedVersion = 1, LatestVersion = 1,
                ReviewDue = doc.ReviewDue, CreatedAt = now, UpdatedAt = now,
            };
            entry.Versions.Add(new FaqEntryVersion
            {
                EntryId = doc.Id, Number = 1, State = FaqVersionState.Published, Audience = doc.Audience, Category = doc.Category, Question = doc.Question,
                Summary = doc.Summary, Answer = doc.Body, Products = doc.Products, Keywords = doc.Keywords, SalesForms = doc.SalesForms, Laws = doc.Laws,
                Related = doc.Related, ReviewDue = doc.ReviewDue, AuthorName = SystemAuthor, ApproverName = SystemAuthor, CreatedAt = now, UpdatedAt = now,
                ApprovedAt = now, PublishedAt = now,
            });
            db.FaqEntries.Add(entry);
            db.FaqHistory.Add(new FaqHistoryEntry { EntryId = doc.Id, Version = 1, At = now, UserName = SystemAuthor, Action = FaqHistoryActions.Imported });
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return added;
    }

    public static FaqInput ToInput(FaqDocument doc) => new()
    {
        Id = doc.Id, Audience = doc.Audience, Category = doc.Category, Question = doc.Question, Summary = doc.Summary, Answer = doc.Body,
        Products = doc.Products, Keywords = doc.Keywords, SalesForms = doc.SalesForms, Laws = doc.Laws, Related = doc.Related, ReviewDue = doc.ReviewDue,
    };
}
