using Yorisoi.Core.Cases;

namespace Yorisoi.Core.Assistance.Checks;

/// <summary>The input checks of saved cases, within what the user may see (another center's case is not found, and audited).</summary>
public sealed class CaseChecks(CaseService cases, InputChecks rules)
{
    public async Task<CheckReport?> CheckAsync(Guid id, CancellationToken ct = default) =>
        await cases.GetAsync(id, ct) is { } detail ? rules.Check(detail) : null;
}
