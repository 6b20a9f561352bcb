using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Security;
using Yorisoi.Text;

namespace Yorisoi.Core.Cases;

/// <summary>Finding cases: the list and its filters, a receipt number, a repeat consumer, the staff a case can be given to.</summary>
public sealed partial class CaseService
{
    /// <summary>
    /// The case list counts matching rows up to this many. Counting every match of a busy center over a year
    /// (100,000+ rows) costs far more than the page itself; beyond 200 pages nobody pages, they filter.
    /// </summary>
    public const int ListCountCap = 10_000;

    public async Task<PagedResult<CaseListItem>> ListAsync(CaseListQuery query, CancellationToken ct = default)
    {
        var centerId = Scope.CenterId ?? Guid.Empty;
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(query.Page, 1);

        IQueryable<Case> cases = db.Cases.AsNoTracking();
        cases = query.Scope == "shared"
            ? cases.Where(c => c.CenterId != centerId)
            : cases.Where(c => c.CenterId == centerId);
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (query.ReceivedFrom is { } from)
        {
            var fromAt = StartOfJapanDay(from);
            cases = cases.Where(c => c.ReceivedAt >= fromAt);
        }

        if (query.ReceivedTo is { } to)
        {
            var toAt = StartOfJapanDay(to.AddDays(1));
            cases = cases.Where(c => c.ReceivedAt < toAt);
        }

        if (query.ProductCode is { Length: > 0 } product)
        {
            var item = catalog.Current.Find(CodeListNames.Product, product);
            if (item is { IsLeaf: false })
            {
                var children = catalog.Current.Items(CodeListNames.Product).Where(i => i.ParentCode == product).Select(i => i.Code).ToList();
                cases = cases.Where(c => children.Contains(c.ProductCode!));
            }
            else
            {
                cases = cases.Where(c => c.ProductCode == product);
            }
        }

        if (query.SalesFormCode is { Length: > 0 } salesForm)
        {
            cases = cases.Where(c => c.SalesFormCode == salesForm);
        }

        if (query.AssigneeId is { } assignee)
        {
            cases = cases.Where(c => c.AssigneeId == assignee);
        }

        if (NormalizeReceiptNumber(query.ReceiptNumber) is { } receipt)
        {
            cases = cases.Where(c => c.ReceiptNumber == receipt);
        }

        if (JapaneseNormalizer.Fold(query.BusinessName) is { Length: > 0 } business)
        {
            cases = cases.Where(c => c.Business.NameFolded!.Contains(business));
        }

        // Counted before sorting, so the database can stop after the cap without ordering anything.
        var counted = await cases.Take(ListCountCap + 1).CountAsync(ct);
        var capped = counted > ListCountCap;
        var total = capped ? ListCountCap : counted;

        cases = query.Sort switch
        {
            CaseListSorts.ReceivedAsc => cases.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id),
            CaseListSorts.ReceiptDesc => cases.OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.ReceiptSequence),
            CaseListSorts.ReceiptAsc => cases.OrderBy(c => c.FiscalYear).ThenBy(c => c.ReceiptSequence),
            CaseListSorts.UpdatedDesc => cases.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            _ => cases.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
        };

        var rows = await cases
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new
            {
                c.Id, c.ReceiptNumber, c.ReceivedAt, c.Status, c.ProductCode, c.SalesFormCode, BusinessName = c.Business.Name,
                c.AssigneeId, c.IsMediation, Excerpt = c.Summary.Substring(0, 80), c.CenterId, c.CodeListVersion,
                // A subquery rather than a second round trip: the page is one query.
                AssigneeName = db.Users.Where(u => u.Id == c.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var items = rows.Select(r =>
        {
            var codes = catalog.Get(r.CodeListVersion);
            return new CaseListItem(
                r.Id, r.ReceiptNumber, r.ReceivedAt, r.Status,
                r.ProductCode, codes.NameOf(CodeListNames.Product, r.ProductCode),
                r.SalesFormCode, codes.NameOf(CodeListNames.SalesForm, r.SalesFormCode),
                r.BusinessName, r.AssigneeId, r.AssigneeId is null ? null : r.AssigneeName,
                r.IsMediation, r.Excerpt, r.CenterId);
        }).ToList();
        return new PagedResult<CaseListItem>(items, page, pageSize, total, capped);
    }

    /// <summary>
    /// The case a consumer's 受付番号 names, among the cases this center may see (its own and those shared with it);
    /// null when there is none, so another center's number reveals nothing.
    /// </summary>
    public async Task<Guid?> FindByReceiptNumberAsync(string? receiptNumber, CancellationToken ct = default)
    {
        if (NormalizeReceiptNumber(receiptNumber) is not { } receipt)
        {
            return null;
        }

        var id = await db.Cases.AsNoTracking().Where(c => c.ReceiptNumber == receipt).Select(c => c.Id).FirstOrDefaultAsync(ct);
        return id == Guid.Empty ? null : id;
    }

    /// <summary>
    /// Whether the user's center may see the case at all, for a page's first server-side render to answer 404; the
    /// interactive load that follows reads the case and audits a denied attempt once.
    /// </summary>
    public Task<bool> IsVisibleAsync(Guid id, CancellationToken ct = default) => db.Cases.AsNoTracking().AnyAsync(c => c.Id == id, ct);

    /// <summary>Receipt numbers are read out on the phone and typed in any width: "２０２６－１３０００－０００１２３" is the same number.</summary>
    public static string? NormalizeReceiptNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var folded = value.Normalize(System.Text.NormalizationForm.FormKC).Trim()
            .Replace('ー', '-').Replace('−', '-').Replace('‐', '-').Replace('－', '-');
        return folded.Length == 0 ? null : folded;
    }

    /// <summary>Earlier cases of the same phone number, in this center only (never other centers').</summary>
    public async Task<IReadOnlyList<RepeatConsumerMatch>> FindRepeatConsumerAsync(string? phone, Guid? excludeCaseId = null, CancellationToken ct = default)
    {
        var normalized = CaseValidator.NormalizePhone(phone);
        var centerId = Scope.CenterId;
        if (normalized is null || centerId is null)
        {
            return [];
        }

        var hash = hasher.Hash(normalized);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.CenterId == centerId && (c.Consultant.PhoneHash == hash || c.ContractParty.PhoneHash == hash) && c.Id != excludeCaseId)
            .OrderByDescending(c => c.ReceivedAt)
            .Take(20)
            .Select(c => new { c.Id, c.ReceiptNumber, c.ReceivedAt, c.Status, c.ProductCode, c.CodeListVersion, BusinessName = c.Business.Name, IsConsultant = c.Consultant.PhoneHash == hash })
            .ToListAsync(ct);
        db.AuditRecords.Add(NewAudit(AuditActions.RepeatConsumerLookup, excludeCaseId, ["Phone"], $"{rows.Count} match(es)"));
        await db.SaveChangesAsync(ct);
        return rows.Select(r => new RepeatConsumerMatch(
            r.Id, r.ReceiptNumber, r.ReceivedAt, r.Status,
            catalog.Get(r.CodeListVersion).NameOf(CodeListNames.Product, r.ProductCode),
            r.BusinessName, r.IsConsultant ? "相談者" : "契約当事者")).ToList();
    }

    /// <summary>
    /// The staff of the user's center who may be given a case: those whose role works on cases (<see cref="Roles.CaseWorkers"/>:
    /// 相談員, 決裁者 and センター管理者, who may all open and change the center's cases). Prefecture and system administrators
    /// and analysts belong to a center too, but could not even open a case assigned to them.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> AssignableStaffAsync(CancellationToken ct = default)
    {
        var centerId = Scope.CenterId;
        var users = await CaseWorkersOf(centerId ?? Guid.Empty).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return users.Select(u => (u.Id, u.DisplayName)).ToList();
    }

    private IQueryable<AppUser> CaseWorkersOf(Guid centerId)
    {
        string[] caseWorkers = [.. Roles.CaseWorkers];
        var roleIds = db.Roles.Where(r => caseWorkers.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.AsNoTracking().Where(u => u.CenterId == centerId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }

    // In UTC: PostgreSQL's timestamptz parameters accept only offset 0.
    private static DateTimeOffset StartOfJapanDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), FiscalYear.TimeZone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
}
