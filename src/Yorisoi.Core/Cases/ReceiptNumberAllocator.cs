using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Data;

namespace Yorisoi.Core.Cases;

/// <summary>
/// Hands out receipt numbers per center and fiscal year without gaps or duplicates. The counter row
/// is incremented inside the caller's transaction, so concurrent registrations queue on the row lock
/// and a rolled-back registration gives its number back.
/// </summary>
public static class ReceiptNumberAllocator
{
    public static async Task<int> NextAsync(YorisoiDbContext db, Guid centerId, int fiscalYear, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Receipt numbers must be allocated inside the registration's transaction.");
        }

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO receipt_counters (center_id, fiscal_year, last_sequence) VALUES ({centerId}, {fiscalYear}, 0) ON CONFLICT (center_id, fiscal_year) DO NOTHING",
            ct);
        var next = await db.Database
            .SqlQuery<int>($"UPDATE receipt_counters SET last_sequence = last_sequence + 1 WHERE center_id = {centerId} AND fiscal_year = {fiscalYear} RETURNING last_sequence AS \"Value\"")
            .ToListAsync(ct);
        return next.Single();
    }

    /// <summary>e.g. "2026-13000-000123": fiscal year, center code, sequence.</summary>
    public static string Format(int fiscalYear, string centerCode, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{fiscalYear}-{centerCode}-{sequence:D6}");
}
