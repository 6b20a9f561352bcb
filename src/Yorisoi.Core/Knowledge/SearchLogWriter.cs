using System.Text;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Data;

namespace Yorisoi.Core.Knowledge;

/// <summary>
/// Where search endpoints (portal and staff) report what was searched and what was opened. Queries are
/// normalised and screened for personal data before they are stored; nothing about the searcher is kept.
/// </summary>
public interface ISearchLog
{
    /// <summary>Records one search; returns its id, to pass to <see cref="RecordOpenedAsync"/> (0 when the query was empty).</summary>
    Task<long> RecordSearchAsync(SearchSurface surface, string? query, int resultCount, CancellationToken ct = default);

    /// <summary>Records what the searcher opened from that search's results (the first opening counts).</summary>
    Task RecordOpenedAsync(long searchId, string? entryId, Guid? caseId, CancellationToken ct = default);
}

public sealed class SearchLogWriter(YorisoiDbContext db, TimeProvider clock) : ISearchLog
{
    public async Task<long> RecordSearchAsync(SearchSurface surface, string? query, int resultCount, CancellationToken ct = default)
    {
        var normalised = Normalise(query);
        if (normalised.Length == 0)
        {
            return 0;
        }

        var row = new SearchLogEntry { At = clock.GetUtcNow(), Surface = surface, Query = normalised, ResultCount = Math.Max(0, resultCount) };
        db.SearchLog.Add(row);
        await db.SaveChangesAsync(ct);
        db.Entry(row).State = EntityState.Detached;
        return row.Id;
    }

    public async Task RecordOpenedAsync(long searchId, string? entryId, Guid? caseId, CancellationToken ct = default)
    {
        if (searchId <= 0 || entryId is null && caseId is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await db.SearchLog.Where(s => s.Id == searchId && s.OpenedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OpenedEntryId, entryId).SetProperty(x => x.OpenedCaseId, caseId).SetProperty(x => x.OpenedAt, now), ct);
    }

    /// <summary>NFKC, one space between words, lower case, personal data masked, at most 200 characters.</summary>
    public static string Normalise(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "";
        }

        var masked = PersonalDataScreen.Mask(Yorisoi.Text.JapaneseNormalizer.StripControlCharacters(query));
        var builder = new StringBuilder(masked.Length);
        foreach (var part in masked.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part.ToLowerInvariant());
        }

        var text = builder.ToString();
        return text.Length > SearchLogEntry.QueryMaxLength ? text[..SearchLogEntry.QueryMaxLength] : text;
    }
}
