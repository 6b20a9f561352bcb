using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Cases;

/// <summary>
/// Base for the case screens. A circuit lives as long as the browser tab, so a DbContext held for
/// the circuit would collect stale tracked entities and fail when two handlers overlap (a phone
/// lookup while saving). Each operation therefore gets its own DI scope, whose AccessScope is bound
/// to the signed-in user exactly as the HTTP pipeline binds it for a request.
/// </summary>
public abstract class CaseComponentBase : ComponentBase
{
    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected async Task<T> WithCasesAsync<T>(Func<CaseService, Task<T>> work)
    {
        await using var scope = await CreateUserScopeAsync();
        return await work(scope.ServiceProvider.GetRequiredService<CaseService>());
    }

    /// <summary>Any scoped service (the approvals list, for one) bound to the signed-in user like the case service.</summary>
    protected async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = await CreateUserScopeAsync();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected async Task<T> WithDbAsync<T>(Func<YorisoiDbContext, Task<T>> work)
    {
        await using var scope = await CreateUserScopeAsync();
        return await work(scope.ServiceProvider.GetRequiredService<YorisoiDbContext>());
    }

    protected async Task<bool> IsApproverAsync()
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        return Roles.Approvers.Any(state.User.IsInRole);
    }

    protected async Task<Guid?> CurrentUserIdAsync()
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        return Guid.TryParse(state.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    private async Task<AsyncServiceScope> CreateUserScopeAsync()
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        var scope = ScopeFactory.CreateAsyncScope();
        SecurityRegistration.ApplyUser(scope.ServiceProvider.GetRequiredService<AccessScope>(), state.User);
        return scope;
    }
}
