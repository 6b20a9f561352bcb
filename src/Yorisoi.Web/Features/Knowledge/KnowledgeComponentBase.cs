using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Security;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Knowledge;

/// <summary>
/// Base for the knowledge-base screens: like the case screens, every operation runs in its own DI scope whose
/// AccessScope is bound to the signed-in user, so the DbContext filters apply exactly as for an API request.
/// </summary>
public abstract class KnowledgeComponentBase : ComponentBase
{
    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected async Task<KnowledgeRights> RightsAsync() => KnowledgePolicies.Rights((await Authentication.GetAuthenticationStateAsync()).User);

    protected async Task<T> WithKnowledgeAsync<T>(Func<KnowledgeService, KnowledgeRights, Task<T>> work)
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        await using var scope = ScopeFactory.CreateAsyncScope();
        SecurityRegistration.ApplyUser(scope.ServiceProvider.GetRequiredService<AccessScope>(), state.User);
        return await work(scope.ServiceProvider.GetRequiredService<KnowledgeService>(), KnowledgePolicies.Rights(state.User));
    }
}
