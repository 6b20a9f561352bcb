using Microsoft.EntityFrameworkCore;

namespace Yorisoi.Core.Cases;

/// <summary>What the printable cooling-off notice is built from.</summary>
public sealed partial class CaseService
{
    /// <summary>
    /// The case's contract and business fields for the cooling-off notice, as a detached <see cref="Case"/>; null for a
    /// case the user may not see (audited like opening it). No personal field is read: the consumer writes their own
    /// name and address on the postcard.
    /// </summary>
    public async Task<Case?> ForCoolingOffNoticeAsync(Guid id, CancellationToken ct = default)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => new Case
        {
            Id = c.Id,
            CenterId = c.CenterId,
            ReceiptNumber = c.ReceiptNumber,
            SalesFormCode = c.SalesFormCode,
            ProductCode = c.ProductCode,
            PaymentMethodCode = c.PaymentMethodCode,
            ContractDate = c.ContractDate,
            ContractAmount = c.ContractAmount,
            AmountPaid = c.AmountPaid,
            Business = new Business { Name = c.Business.Name, Address = c.Business.Address },
        }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            await RecordDeniedIfExistsAsync(id, ct);
        }

        return found;
    }
}
