using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Core.Resources;
using Yorisoi.Web.Features.Auth;

namespace Yorisoi.Web.Infrastructure;

public static class YorisoiClaims
{
    public const string CenterId = "yorisoi:center";
    public const string DisplayName = "yorisoi:display_name";
    public const string TwoFactorEnabled = "yorisoi:2fa";
}

public static class Policies
{
    /// <summary>Work on identifiable cases of one's own center.</summary>
    public const string CaseWork = "case-work";

    /// <summary>Approve, return and reopen cases.</summary>
    public const string Approve = "approve";

    /// <summary>Manage centers and staff accounts (the rules per role are in StaffAdministration).</summary>
    public const string Administer = "administer";
}

public static class SecurityRegistration
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Forwards each request to the API-key or the cookie scheme.</summary>
    public const string SelectorScheme = "Yorisoi";

    public static WebApplicationBuilder AddYorisoiSecurity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Tokens.AuthenticatorTokenProvider = AuthenticatorCodeProvider.Name;
            })
            .AddEntityFrameworkStores<YorisoiDbContext>()
            .AddUserManager<YorisoiUserManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodeProvider>(AuthenticatorCodeProvider.Name)
            .AddClaimsPrincipalFactory<YorisoiClaimsPrincipalFactory>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "yorisoi.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.AccessDeniedPath = "/access-denied";
            cookie.Events = new CookieAuthenticationEvents
            {
                // The API answers 401/403 as problem details; only pages redirect to the login screen.
                OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden),
                OnValidatePrincipal = ValidatePrincipalAsync,
            };
        });
        builder.Services.AddSingleton<DatabaseTicketStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((cookie, store) => cookie.SessionStore = store);
        builder.Services.AddScoped<UserSessions>();
        builder.Services.AddScoped<DummyPasswordHash>();
        builder.Services.AddScoped<SignInService>();
        builder.Services.AddScoped<PasswordChanger>();
        builder.Services.AddScoped<ApiKeyAdministration>();

        // Requests that present an API key are judged by the key alone; all others by the session cookie.
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = SelectorScheme;
                options.DefaultAuthenticateScheme = SelectorScheme;
                options.DefaultChallengeScheme = SelectorScheme;
                options.DefaultForbidScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.PresentsKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<SecuritySchemesTransformer>().AddOperationTransformer<SecurityRequirementsTransformer>());
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        builder.Services.ConfigureExternalCookie(c => c.ExpireTimeSpan = TimeSpan.FromMinutes(5));
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, c =>
        {
            c.Cookie.SameSite = SameSiteMode.Strict;
            c.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });

        builder.Services.AddAuthorizationBuilder()
            // A key reaches case endpoints only as far as ApiKeyAccess lets it (checked in UseAccessScope, per endpoint and scope).
            .AddPolicy(Policies.CaseWork, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
                Roles.CaseWorkers.Any(context.User.IsInRole) || ApiKeyAuthenticationHandler.IsKeyPrincipal(context.User)))
            .AddPolicy(Policies.Approve, p => p.RequireAuthenticatedUser().RequireRole(Roles.Approvers))
            .AddPolicy(Policies.Administer, p => p.RequireAuthenticatedUser().RequireRole(Roles.CenterAdmin, Roles.PrefectureAdmin, Roles.SystemAdmin));

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        builder.Services.AddScoped<CircuitActivity>();
        builder.Services.AddScoped<CircuitHandler, AccessScopeCircuitHandler>();
        return builder;
    }

    /// <summary>
    /// Identity's security-stamp check (a changed stamp ends the session at the next check), keeping the session-key claim
    /// when it rebuilds the principal, so interactive screens opened afterwards can still check their session.
    /// </summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var session = context.Principal?.FindFirst(DatabaseTicketStore.SessionClaim);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (session is not null && context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == DatabaseTicketStore.SessionClaim))
        {
            identity.AddClaim(new Claim(DatabaseTicketStore.SessionClaim, session.Value));
        }
    }

    private static async Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails =
                {
                    Status = status,
                    Title = status == 401 ? Messages.Get("Api.Unauthorized") : Messages.Get("Api.Forbidden"),
                },
            });
            return;
        }

        context.Response.Redirect(context.RedirectUri);
    }

    /// <summary>Binds the request's AccessScope to the signed-in user, and holds admins to two-factor sign-in.</summary>
    public static IApplicationBuilder UseAccessScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var scope = context.RequestServices.GetRequiredService<AccessScope>();
        ApplyUser(scope, context.User);
        if (ApiKeyAuthenticationHandler.IsKeyPrincipal(context.User) && !ApiKeyAccess.Allows(context, context.User))
        {
            var db = context.RequestServices.GetRequiredService<YorisoiDbContext>();
            db.AuditRecords.Add(new AuditRecord
            {
                At = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
                UserId = scope.UserId,
                UserName = scope.UserName,
                CenterId = scope.CenterId,
                Action = AuditActions.ApiKeyDenied,
                Detail = $"key={context.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim)}; {context.Request.Method} {ApiKeyAccess.EndpointName(context) ?? context.Request.Path.Value}",
            });
            await db.SaveChangesAsync(context.RequestAborted);
            await ApiKeyAuthenticationHandler.WriteProblemAsync(context, StatusCodes.Status403Forbidden, Messages.Get("ApiKey.ScopeDenied"));
            return;
        }

        if (NeedsTwoFactorSetup(context.User) && !IsAllowedDuringTwoFactorSetup(context.Request.Path))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: 403, title: Messages.Get("Api.TwoFactorSetupRequired")).ExecuteAsync(context);
                return;
            }

            context.Response.Redirect("/account/two-factor");
            return;
        }

        await next(context);
    });

    public static void ApplyUser(AccessScope scope, ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && Guid.TryParse(user.FindFirstValue(YorisoiClaims.CenterId), out var centerId))
        {
            scope.BecomeUser(userId, user.FindFirstValue(YorisoiClaims.DisplayName) ?? user.Identity.Name ?? "", centerId);
        }
    }

    public static bool NeedsTwoFactorSetup(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.FindFirstValue(YorisoiClaims.TwoFactorEnabled) != "true"
        && Roles.RequireTwoFactor.Any(user.IsInRole);

    private static bool IsAllowedDuringTwoFactorSetup(PathString path) =>
        path.StartsWithSegments("/account/two-factor") || path.StartsWithSegments("/logout") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/health") || path.StartsWithSegments("/css")
        || path.StartsWithSegments("/api/auth") || path.Value?.Contains('.', StringComparison.Ordinal) == true;
}

/// <summary>Adds the user's center, display name and 2FA state to the sign-in cookie.</summary>
public sealed class YorisoiClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(YorisoiClaims.CenterId, user.CenterId.ToString()));
        identity.AddClaim(new Claim(YorisoiClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(YorisoiClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}

/// <summary>
/// Interactive screens run outside the HTTP request, so the circuit's AccessScope is bound to the
/// signed-in user when the circuit opens and whenever the authentication state changes.
/// </summary>
public sealed class AccessScopeCircuitHandler(AuthenticationStateProvider authentication, AccessScope scope, CircuitActivity activity) : CircuitHandler, IDisposable
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            activity.Touch();
            return next(context);
        };

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        var state = await authentication.GetAuthenticationStateAsync();
        SecurityRegistration.ApplyUser(scope, state.User);
    }

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => SecurityRegistration.ApplyUser(scope, t.Result.User), TaskScheduler.Default);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}

/// <summary>When the user last did something on an interactive screen (clicks, typing, navigation).</summary>
public sealed class CircuitActivity(TimeProvider clock)
{
    public DateTimeOffset LastActivity { get; private set; } = clock.GetUtcNow();

    public void Touch() => LastActivity = clock.GetUtcNow();
}

/// <summary>Identity's messages in Japanese.</summary>
public sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = Messages.Format("Identity.PasswordTooShort", length) };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = Messages.Get("Identity.PasswordRequiresDigit") };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = Messages.Get("Identity.PasswordRequiresLower") };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = Messages.Get("Identity.PasswordRequiresUpper") };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = Messages.Format("Identity.DuplicateUserName", userName) };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = Messages.Format("Identity.DuplicateEmail", email) };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = Messages.Get("Identity.InvalidEmail") };
}
