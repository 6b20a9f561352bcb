using Microsoft.AspNetCore.Identity;
using Yorisoi.Core.Security;

namespace Yorisoi.Web.Features.Auth;

public static class LogoutEndpoint
{
    /// <summary>The layout's logout button posts here (with an antiforgery token).</summary>
    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async (SignInManager<AppUser> signIn, HttpContext http, UserSessions sessions) =>
        {
            await AuthEndpoints.EndCurrentSessionAsync(http, sessions);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).ExcludeFromDescription();
        return app;
    }
}
