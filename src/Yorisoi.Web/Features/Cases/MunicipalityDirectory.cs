using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Data;
using Yorisoi.Text;

namespace Yorisoi.Web.Features.Cases;

/// <summary>
/// Every prefecture, municipality and ward with the name people say ("東京都 千代田区",
/// "北海道 札幌市中央区"), held in memory after the first use: about 2,000 rows of reference
/// data that never change while the host runs, searched on every keystroke of a picker.
/// </summary>
public static class MunicipalityDirectory
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyList<Entry>? _entries;

    public sealed record Entry(string Code, string FullName, string Folded, LocalGovernmentKind Kind);

    public static async Task<IReadOnlyList<Entry>> AllAsync(YorisoiDbContext db, CancellationToken ct = default)
    {
        if (_entries is { } cached)
        {
            return cached;
        }

        await Gate.WaitAsync(ct);
        try
        {
            if (_entries is { } loaded)
            {
                return loaded;
            }

            var rows = await db.LocalGovernments.AsNoTracking().OrderBy(g => g.Code).ToListAsync(ct);
            var byCode = rows.ToDictionary(g => g.Code, StringComparer.Ordinal);
            _entries = rows.Select(g =>
            {
                var prefecture = byCode.TryGetValue(g.PrefectureCode, out var p) ? p.Name : "";
                var city = g.Kind == LocalGovernmentKind.Ward && g.ParentCode is { } parent && byCode.TryGetValue(parent, out var c) && c.Kind != LocalGovernmentKind.Prefecture ? c : null;
                var name = g.Kind switch
                {
                    LocalGovernmentKind.Prefecture => g.Name,
                    _ when city is not null => $"{prefecture} {city.Name}{g.Name}",
                    _ => $"{prefecture} {g.Name}",
                };

                // A ward is found by its city's reading too: "よこはま" offers 横浜市鶴見区.
                var reading = city is null ? g.Reading : $"{city.Reading}{g.Reading}";
                return new Entry(g.Code, name, JapaneseNormalizer.Fold($"{name} {reading} {g.Code}"), g.Kind);
            }).ToList();
            return _entries;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// The entry a postal address belongs to. Japan Post may already use a ward code that the list of local
    /// governments does not have yet (浜松市中央区 22138, 2024); then the entry of the same name, or else the
    /// city, is the best known answer.
    /// </summary>
    public static Entry? ForPostalAddress(IReadOnlyList<Entry> all, PostalAddress address)
    {
        if (all.FirstOrDefault(e => e.Code == address.MunicipalityCode) is { } exact)
        {
            return exact;
        }

        var name = $"{address.Prefecture} {address.Municipality}";
        return all.Where(e => e.Kind != LocalGovernmentKind.Prefecture && name.StartsWith(e.FullName, StringComparison.Ordinal))
            .MaxBy(e => e.FullName.Length);
    }

    public static IReadOnlyList<Entry> Search(IReadOnlyList<Entry> all, string query, int limit = 20)
    {
        var folded = JapaneseNormalizer.Fold(query);
        if (folded.Length == 0)
        {
            return [];
        }

        return all.Where(e => e.Folded.Contains(folded, StringComparison.Ordinal))
            .OrderBy(e => e.Kind == LocalGovernmentKind.Prefecture ? 1 : 0)
            .ThenBy(e => e.Code, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}
