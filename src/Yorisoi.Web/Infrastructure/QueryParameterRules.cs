using Yorisoi.Core.Cases;
using Yorisoi.Core.Resources;

namespace Yorisoi.Web.Infrastructure;

/// <summary>
/// The checks every list-like query string shares (the case list, case search): a parameter the endpoint does not know
/// is an error rather than silently ignored (which would return everything), and a status is one of the statuses.
/// </summary>
public static class QueryParameterRules
{
    /// <summary>Adds an error naming the known parameters for each given one that is not among them.</summary>
    public static void RefuseUnknown(IEnumerable<string>? given, IReadOnlyList<string> known, string messageKey, Dictionary<string, string[]> errors)
    {
        foreach (var name in given ?? [])
        {
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors[name] = [Messages.Format(messageKey, name, string.Join(", ", known))];
            }
        }
    }

    /// <summary>The status a value names (by name, not number), null when empty; an error under "status" otherwise.</summary>
    public static CaseStatus? Status(string? value, Dictionary<string, string[]> errors)
    {
        if (value is not { Length: > 0 })
        {
            return null;
        }

        if (Enum.TryParse<CaseStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(value, out _))
        {
            return status;
        }

        errors["status"] = [Messages.Get("List.InvalidStatus")];
        return null;
    }
}
