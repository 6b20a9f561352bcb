using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Core.Resources;

namespace Yorisoi.Web.Features.Auth;

public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode);

public sealed record MeResponse(Guid Id, string DisplayName, Guid CenterId, IReadOnlyList<string> Roles);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");

        group.MapPost("/login", async Task<Results<NoContent, ProblemHttpResult>> (
                LoginRequest request, SignInManager<AppUser> signIn, YorisoiDbContext db, TimeProvider clock) =>
            {
                var user = await signIn.UserManager.FindByEmailAsync(request.Email ?? "");
                var result = user is null
                    ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                    : await signIn.PasswordSignInAsync(user, request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
                if (result.RequiresTwoFactor)
                {
                    if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
                    {
                        return TypedResults.Problem(statusCode: 401, title: Messages.Get("Auth.TwoFactorCodeRequired"), extensions: new Dictionary<string, object?> { ["requiresTwoFactor"] = true });
                    }

                    result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
                }

                db.AuditRecords.Add(new AuditRecord
                {
                    At = clock.GetUtcNow(),
                    UserId = user?.Id,
                    UserName = user?.DisplayName,
                    CenterId = user?.CenterId,
                    Action = result.Succeeded ? AuditActions.SignIn : AuditActions.SignInFailed,
                    Detail = result.IsLockedOut ? "locked out" : null,
                });
                await db.SaveChangesAsync();
                if (result.IsLockedOut)
                {
                    return TypedResults.Problem(statusCode: 423, title: Messages.Get("Auth.LockedOut"));
                }

                return result.Succeeded
                    ? TypedResults.NoContent()
                    : TypedResults.Problem(statusCode: 401, title: Messages.Get("Auth.InvalidCredentials"));
            })
            .WithName("Login")
            .WithSummary("Signs in with e-mail and password (and a TOTP code where two-factor sign-in is on); sets the session cookie.");

        group.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .WithName("Logout");

        group.MapGet("/me", (HttpContext http, AccessScope scope) =>
                TypedResults.Ok(new MeResponse(scope.UserId ?? Guid.Empty, scope.UserName ?? "", scope.CenterId ?? Guid.Empty,
                    Roles.All.Where(http.User.IsInRole).ToList())))
            .RequireAuthorization()
            .WithName("Me");
        return app;
    }
}
