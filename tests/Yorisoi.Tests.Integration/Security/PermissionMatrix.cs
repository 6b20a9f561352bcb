using Yorisoi.Core.Security;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// The permission tables: for one endpoint, the status each role gets for a case of its own center, of another center,
/// and of another center that shared it with the role's center. Columns are <see cref="Columns"/>.
/// </summary>
public static class PermissionMatrix
{
    public const string Anonymous = "anonymous";
    public const string Own = "own";
    public const string Other = "other";
    public const string Shared = "shared";

    public static readonly string[] Columns =
        [Anonymous, Roles.Counselor, Roles.Supervisor, Roles.CenterAdmin, Roles.PrefectureAdmin, Roles.NationalAnalyst, Roles.SystemAdmin];

    public static readonly string[] Targets = [Own, Other, Shared];

    /// <summary>Expands { target → one status per column } into (role, target, status) rows.</summary>
    public static IEnumerable<(string Role, string Target, int Status)> Expand(IReadOnlyDictionary<string, int[]> table)
    {
        foreach (var target in Targets.Where(table.ContainsKey))
        {
            var statuses = table[target];
            if (statuses.Length != Columns.Length)
            {
                throw new InvalidOperationException($"Row '{target}' has {statuses.Length} statuses for {Columns.Length} roles.");
            }

            for (var i = 0; i < Columns.Length; i++)
            {
                yield return (Columns[i], target, statuses[i]);
            }
        }
    }

    /// <summary>Role-only endpoints: one status per column.</summary>
    public static IEnumerable<(string Role, int Status)> Expand(int[] statuses) =>
        statuses.Length == Columns.Length
            ? Columns.Zip(statuses)
            : throw new InvalidOperationException($"{statuses.Length} statuses for {Columns.Length} roles.");
}
