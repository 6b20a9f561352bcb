using System.Text;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Data;
using Yorisoi.Text.Analysis;

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

/// <param name="words">Finds people's names to mask; without it only numbers and addresses are (see <see cref="PersonalDataScreen"/>).</param>
public sealed class SearchLogWriter(YorisoiDbContext db, TimeProvider clock, IMorphologicalAnalyzer? words = null) : ISearchLog
{
    public async Task<long> RecordSearchAsync(SearchSurface surface, string? query, int resultCount, CancellationToken ct = default)
    {
        var normalised = Normalise(query, words);
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
        // A case is opened from a case search, an entry from an FAQ search: a link edited to mix them records nothing.
        var fromCaseSearch = caseId is not null;
        await db.SearchLog.Where(s => s.Id == searchId && s.OpenedAt == null && (s.Surface == SearchSurface.Cases) == fromCaseSearch)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OpenedEntryId, entryId).SetProperty(x => x.OpenedCaseId, caseId).SetProperty(x => x.OpenedAt, now), ct);
    }

    /// <summary>
    /// <see cref="ISearchLog.RecordOpenedAsync"/> with the search id as it arrives in a query string: anything but a
    /// positive number (a stale or edited link) records nothing rather than failing the page that was opened.
    /// </summary>
    public static Task RecordOpenedAsync(ISearchLog log, string? searchId, string? entryId, Guid? caseId, CancellationToken ct = default) =>
        long.TryParse(searchId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? log.RecordOpenedAsync(id, entryId, caseId, ct)
            : Task.CompletedTask;

    /// <summary>NFKC, one space between words, lower case, personal data masked, at most 200 characters.</summary>
    public static string Normalise(string? query, IMorphologicalAnalyzer? words = null)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "";
        }

        var stripped = Yorisoi.Text.JapaneseNormalizer.StripControlCharacters(query);
        var masked = words is null ? PersonalDataScreen.Mask(stripped) : PersonalDataScreen.Mask(stripped, words);
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
