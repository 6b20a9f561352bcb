using Yorisoi.Core.Security;

namespace Yorisoi.Core.Search;

/// <summary>
/// Who may find a case in the index, the same rule as the DbContext's center filter: the owning center and the centers
/// it is shared with. Indexed as <see cref="CaseIndexSchema.VisibleTo"/>; every search and similar-case query is
/// filtered by <see cref="FilterFor"/>, here and nowhere else.
/// </summary>
public static class CaseVisibility
{
    public static string[] VisibleTo(Guid ownerCenterId, IEnumerable<Guid> sharedWith) =>
        [ownerCenterId.ToString(), .. sharedWith.Select(c => c.ToString())];

    /// <summary>The index filter for a scope: its center; a scope without a center matches nothing.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FilterFor(AccessScope scope) =>
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [CaseIndexSchema.VisibleTo] = scope.CenterId is { } center ? [center.ToString()] : [],
        };
}
