using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Auth;

public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode);

public sealed record MeResponse(Guid Id, string DisplayName, Guid CenterId, IReadOnlyList<string> Roles);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");

        group.MapPost("/login", async Task<Results<NoContent, ProblemHttpResult>> (LoginRequest request, SignInService signIn) =>
            {
                var outcome = await signIn.PasswordSignInAsync(request.Email, request.Password);
                if (outcome == SignInOutcome.RequiresTwoFactor)
                {
                    if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
                    {
                        return TypedResults.Problem(statusCode: 401, title: Messages.Get("Auth.TwoFactorCodeRequired"), extensions: new Dictionary<string, object?> { ["requiresTwoFactor"] = true });
                    }

                    outcome = await signIn.TwoFactorSignInAsync(request.TwoFactorCode);
                }

                // Wrong password, unknown account and locked account get this same answer (see SignInService).
                return outcome == SignInOutcome.Succeeded
                    ? TypedResults.NoContent()
                    : TypedResults.Problem(statusCode: 401, title: Messages.Get("Auth.InvalidCredentials"));
            })
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Signs in with e-mail and password (and a TOTP code where two-factor sign-in is on); sets the session cookie.");

        group.MapPost("/logout", async (SignInManager<AppUser> signIn, HttpContext http, UserSessions sessions) =>
            {
                await EndCurrentSessionAsync(http, sessions);
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithName("Logout")
            .WithSummary("Signs out: the session ends on every host at once, and the cookie is cleared.");

        group.MapPost("/password", async Task<Results<NoContent, ValidationProblem>> (ChangePasswordRequest request, HttpContext http, PasswordChanger passwords) =>
                await passwords.ChangeAsync(http.User, request.CurrentPassword, request.NewPassword) is { } errors
                    ? TypedResults.ValidationProblem(errors.ToDictionary(), title: Messages.Get("Api.InvalidInput"))
                    : TypedResults.NoContent())
            .RequireAuthorization()
            .WithName("ChangePassword")
            .WithSummary("Changes the signed-in user's password; every session of the user ends at once, so they sign in again with the new one.");

        group.MapGet("/me", (HttpContext http, AccessScope scope) =>
                TypedResults.Ok(new MeResponse(scope.UserId ?? Guid.Empty, scope.UserName ?? "", scope.CenterId ?? Guid.Empty,
                    Roles.All.Where(http.User.IsInRole).ToList())))
            .RequireAuthorization()
            .WithName("Me")
            .WithSummary("The signed-in user: id, name, center and roles.");
        return app;
    }

    /// <summary>The cookie handler removes the session it read; this also covers a request whose ticket it has not read.</summary>
    public static async Task EndCurrentSessionAsync(HttpContext http, UserSessions sessions)
    {
        if (http.User.FindFirstValue(DatabaseTicketStore.SessionClaim) is { } key)
        {
            await sessions.EndAsync(key);
        }
    }
}
