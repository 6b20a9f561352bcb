using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Text.Search;

namespace Yorisoi.Core.Search;

/// <summary>
/// Reads cases for the index, a batch at a time, in four queries whatever the batch size (the cases, their handling
/// log texts, keywords and shares). The case query names its columns, so no personal field is read, let alone decrypted.
/// </summary>
internal static class CaseDocuments
{
    public static async Task<Dictionary<Guid, IndexDocument>> LoadAsync(YorisoiDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.CenterId, c.FiscalYear, c.ReceiptNumber, c.ReceivedAt, c.Status, c.Summary, c.ConsumerRequestNote,
                c.ProductCode, c.SalesFormCode, c.PaymentMethodCode, c.ContractAmount,
                BusinessName = c.Business.Name,
                c.ContractParty.MunicipalityCode,
            })
            .ToListAsync(ct);
        var found = rows.Select(r => r.Id).ToList();
        var logs = await db.HandlingLogEntries.AsNoTracking().Where(e => found.Contains(e.CaseId))
            .OrderBy(e => e.OccurredAt).Select(e => new { e.CaseId, e.Text }).ToListAsync(ct);
        var keywords = await db.CaseKeywords.AsNoTracking().Where(k => found.Contains(k.CaseId)).Select(k => new { k.CaseId, k.Code }).ToListAsync(ct);
        var shares = await db.CaseShares.AsNoTracking().Where(s => found.Contains(s.CaseId)).Select(s => new { s.CaseId, s.CenterId }).ToListAsync(ct);
        var logsByCase = logs.ToLookup(l => l.CaseId, l => l.Text);
        var keywordsByCase = keywords.ToLookup(k => k.CaseId, k => k.Code);
        var sharesByCase = shares.ToLookup(s => s.CaseId, s => s.CenterId);

        var documents = new Dictionary<Guid, IndexDocument>(rows.Count);
        foreach (var r in rows)
        {
            var document = new IndexDocument(r.Id.ToString())
                .Text(CaseIndexSchema.Narrative, r.Summary)
                .Text(CaseIndexSchema.RequestNote, r.ConsumerRequestNote)
                .Text(CaseIndexSchema.BusinessName, r.BusinessName)
                .Keyword(CaseIndexSchema.Business, r.BusinessName)
                .Keyword(CaseIndexSchema.Receipt, r.ReceiptNumber)
                .Keyword(CaseIndexSchema.SalesForm, r.SalesFormCode)
                .Keyword(CaseIndexSchema.PaymentMethod, r.PaymentMethodCode)
                .Keyword(CaseIndexSchema.Status, r.Status.ToString())
                .Keyword(CaseIndexSchema.FiscalYear, r.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Keyword(CaseIndexSchema.Center, r.CenterId.ToString())
                .Keyword(CaseIndexSchema.VisibleTo, CaseVisibility.VisibleTo(r.CenterId, sharesByCase[r.Id]))
                .Date(CaseIndexSchema.Received, r.ReceivedAt);
            // One value, not one per entry: Lucene inverts all values of a field before the next field, and the
            // analyser keeps only the last text, so separate values would each go through MeCab twice.
            document.Text(CaseIndexSchema.HandlingLog, string.Join('\n', logsByCase[r.Id]));

            if (r.ProductCode is { Length: > 0 } product)
            {
                var level1 = product.Length > 2 ? product[..2] : product;
                document.Keyword(CaseIndexSchema.Product, product, level1 == product ? null : level1)
                    .Keyword(CaseIndexSchema.Product1, level1)
                    .Keyword(CaseIndexSchema.Product2, product.Length > 2 ? product : null);
            }

            document.Keyword(CaseIndexSchema.Keyword, [.. keywordsByCase[r.Id]]);
            if (r.MunicipalityCode is { Length: >= 2 } municipality)
            {
                document.Keyword(CaseIndexSchema.Prefecture, municipality[..2]);
            }

            if (r.ContractAmount is { } amount)
            {
                document.Number(CaseIndexSchema.Amount, amount);
            }

            documents[r.Id] = document;
        }

        return documents;
    }
}
