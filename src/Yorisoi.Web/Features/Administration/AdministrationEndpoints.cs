using Microsoft.AspNetCore.Http.HttpResults;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Administration;

public static class AdministrationEndpoints
{
    public static IEndpointRouteBuilder MapAdministrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Administer);

        group.MapGet("/centers", async (StaffAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.ManageableCentersAsync(ct)))
            .WithName("ListManageableCenters")
            .WithSummary("Centers whose staff accounts the signed-in administrator may manage.");

        group.MapPost("/centers", async Task<Results<Created<CenterSummary>, ValidationProblem, ProblemHttpResult>> (
                CenterInput input, StaffAdministration admin, CancellationToken ct) =>
            {
                var outcome = await admin.CreateCenterAsync(input, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Created => TypedResults.Created($"/api/admin/centers/{outcome.Value!.Id}", outcome.Value),
                    OutcomeKind.Invalid => Invalid(outcome.Errors!),
                    _ => Forbidden(outcome.Message),
                };
            })
            .WithName("CreateCenter")
            .WithSummary("Creates a center (system administrators only).");

        group.MapGet("/centers/{id:guid}/users", async Task<Results<Ok<IReadOnlyList<StaffUser>>, ProblemHttpResult>> (
                Guid id, StaffAdministration admin, CancellationToken ct) =>
            {
                var outcome = await admin.ListUsersAsync(id, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
                    OutcomeKind.NotFound => NotFound(),
                    _ => Forbidden(outcome.Message),
                };
            })
            .WithName("ListCenterUsers")
            .WithSummary("Staff accounts of a center, with roles, lockout and two-factor state.");

        group.MapPost("/centers/{id:guid}/users", async Task<Results<Created<StaffUser>, ValidationProblem, ProblemHttpResult>> (
                Guid id, StaffUserInput input, StaffAdministration admin, CancellationToken ct) =>
            {
                var outcome = await admin.CreateUserAsync(id, input, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Created => TypedResults.Created($"/api/admin/users/{outcome.Value!.Id}", outcome.Value),
                    OutcomeKind.Invalid => Invalid(outcome.Errors!),
                    OutcomeKind.NotFound => NotFound(),
                    _ => Forbidden(outcome.Message),
                };
            })
            .WithName("CreateCenterUser")
            .WithSummary("Creates a staff account in a center with one role and an initial password.");

        MapUserAction(group, "lock", "LockUser", "Locks a staff account until it is unlocked.", (a, id, ct) => a.LockAsync(id, ct));
        MapUserAction(group, "unlock", "UnlockUser", "Unlocks a staff account.", (a, id, ct) => a.UnlockAsync(id, ct));
        MapUserAction(group, "reset-two-factor", "ResetUserTwoFactor", "Turns off two-factor sign-in and discards the authenticator key.", (a, id, ct) => a.ResetTwoFactorAsync(id, ct));
        MapApiKeyEndpoints(group);
        return app;
    }

    private static void MapUserAction(RouteGroupBuilder group, string action, string name, string summary, Func<StaffAdministration, Guid, CancellationToken, Task<Outcome<StaffUser>>> run) =>
        group.MapPost($"/users/{{id:guid}}/{action}", async Task<Results<Ok<StaffUser>, ProblemHttpResult>> (
                Guid id, StaffAdministration admin, CancellationToken ct) =>
            {
                var outcome = await run(admin, id, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
                    OutcomeKind.NotFound => NotFound(),
                    _ => Forbidden(outcome.Message),
                };
            })
            .WithName(name)
            .WithSummary(summary);

    private static void MapApiKeyEndpoints(RouteGroupBuilder group)
    {
        group.MapGet("/api-keys", async Task<Results<Ok<IReadOnlyList<ApiKeySummary>>, ProblemHttpResult>> (
                Guid centerId, Yorisoi.Core.Security.ApiKeyAdministration keys, CancellationToken ct) =>
            {
                var outcome = await keys.ListAsync(centerId, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
                    OutcomeKind.NotFound => NotFound(),
                    _ => Forbidden(outcome.Message),
                };
            })
            .WithName("ListApiKeys")
            .WithSummary("API keys of a center (never their secrets), newest first.");

        group.MapPost("/api-keys", async Task<Results<Created<CreatedApiKey>, ValidationProblem, ProblemHttpResult>> (
                ApiKeyInput input, Yorisoi.Core.Security.ApiKeyAdministration keys, CancellationToken ct) =>
            {
                var outcome = await keys.CreateAsync(input, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Created => TypedResults.Created($"/api/admin/api-keys/{outcome.Value!.Key.Id}", outcome.Value),
                    OutcomeKind.Invalid => Invalid(outcome.Errors!),
                    OutcomeKind.NotFound => NotFound(),
                    _ => Forbidden(outcome.Message),
                };
            })
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key for one center with scopes and an expiry; the answer holds the secret, shown this once.");

        group.MapPost("/api-keys/{id:guid}/revoke", async Task<Results<Ok<ApiKeySummary>, ProblemHttpResult>> (
                Guid id, Yorisoi.Core.Security.ApiKeyAdministration keys, CancellationToken ct) =>
            {
                var outcome = await keys.RevokeAsync(id, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
                    OutcomeKind.NotFound => NotFound(),
                    _ => Forbidden(outcome.Message),
                };
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revokes an API key; it is refused from the next request on.");
    }

    private static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: Messages.Get("Api.InvalidInput"));

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Messages.Get("Api.NotFound"));

    private static ProblemHttpResult Forbidden(string? message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: message ?? Messages.Get("Api.Forbidden"));
}
