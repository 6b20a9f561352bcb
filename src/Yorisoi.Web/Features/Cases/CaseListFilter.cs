using System.Globalization;
using System.Text;
using Yorisoi.Core.Cases;
using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Cases;

/// <summary>
/// The list's filters as they appear in the URL, so a filtered list can be bookmarked, shared with a
/// colleague and reached again with the browser's back button. Unreadable values are dropped, not fatal.
/// </summary>
public sealed class CaseListFilter
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<(string Value, string Label)> Sorts =
    [
        (CaseListSorts.ReceivedDesc, UiText.Get("CaseList.Sort.ReceivedDesc")),
        (CaseListSorts.ReceivedAsc, UiText.Get("CaseList.Sort.ReceivedAsc")),
        (CaseListSorts.ReceiptDesc, UiText.Get("CaseList.Sort.ReceiptDesc")),
        (CaseListSorts.ReceiptAsc, UiText.Get("CaseList.Sort.ReceiptAsc")),
        (CaseListSorts.UpdatedDesc, UiText.Get("CaseList.Sort.UpdatedDesc")),
    ];

    public CaseStatus? Status { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? Product { get; set; }

    public string? SalesForm { get; set; }

    public Guid? Assignee { get; set; }

    public string? Business { get; set; }

    public bool Shared { get; set; }

    public string Sort { get; set; } = CaseListSorts.ReceivedDesc;

    public int Page { get; set; } = 1;

    public static CaseListFilter Parse(string? status, string? from, string? to, string? product, string? salesForm, string? assignee, string? business, string? scope, string? sort, string? page) => new()
    {
        Status = Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null,
        From = ParseDate(from),
        To = ParseDate(to),
        Product = string.IsNullOrWhiteSpace(product) ? null : product.Trim(),
        SalesForm = string.IsNullOrWhiteSpace(salesForm) ? null : salesForm.Trim(),
        Assignee = Guid.TryParse(assignee, out var a) ? a : null,
        Business = string.IsNullOrWhiteSpace(business) ? null : business.Trim(),
        Shared = scope == "shared",
        Sort = CaseListSorts.All.Contains(sort ?? "") ? sort! : CaseListSorts.ReceivedDesc,
        Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1,
    };

    public CaseListFilter With(Action<CaseListFilter> change)
    {
        var copy = (CaseListFilter)MemberwiseClone();
        change(copy);
        return copy;
    }

    public CaseListQuery ToQuery() => new()
    {
        Status = Status,
        ReceivedFrom = From,
        ReceivedTo = To,
        ProductCode = Product,
        SalesFormCode = SalesForm,
        AssigneeId = Assignee,
        BusinessName = Business,
        Scope = Shared ? "shared" : "own",
        Sort = Sort,
        Page = Page,
        PageSize = PageSize,
    };

    public bool HasConditions => Status is not null || From is not null || To is not null || Product is not null || SalesForm is not null || Assignee is not null || Business is not null;

    public string ToUrl()
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        Add("scope", Shared ? "shared" : null);
        Add("status", Status?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("product", Product);
        Add("salesForm", SalesForm);
        Add("assignee", Assignee?.ToString());
        Add("business", Business);
        Add("sort", Sort == CaseListSorts.ReceivedDesc ? null : Sort);
        Add("page", Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null);
        return "/cases" + query;
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
