using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;

namespace Yorisoi.Web.Infrastructure;

/// <summary>
/// Signs in another system by its API key (<c>Authorization: ApiKey yk_…</c> or <c>X-Api-Key: yk_…</c>). The principal is
/// bound to the key's center, so AccessScope and the DbContext's center filters apply to it exactly as to staff.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    public const string KeyIdClaim = "yorisoi:api_key";

    public const string ScopeClaim = "yorisoi:scope";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Whether the request presents a key at all; such a request is judged by the key alone, never by a cookie.</summary>
    public static bool PresentsKey(HttpRequest request) => ReadKey(request) is not null;

    public static bool IsKeyPrincipal(ClaimsPrincipal user) => user.HasClaim(c => c.Type == KeyIdClaim);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadKey(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var db = Context.RequestServices.GetRequiredService<YorisoiDbContext>();
        if (!ApiKey.TryParse(presented, out var prefix, out var secret))
        {
            return await RejectAsync(db, null, "malformed");
        }

        var key = await db.Set<ApiKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null)
        {
            return await RejectAsync(db, null, $"unknown key={prefix}");
        }

        if (!CryptographicOperations.FixedTimeEquals(key.SecretHash, ApiKey.Hash(secret)))
        {
            return await RejectAsync(db, key, $"wrong secret key={prefix}");
        }

        var now = clock.GetUtcNow();
        if (key.RevokedAt is not null)
        {
            return await RejectAsync(db, key, $"revoked key={prefix}");
        }

        if (key.ExpiresAt <= now)
        {
            return await RejectAsync(db, key, $"expired key={prefix}");
        }

        if (key.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await db.Set<ApiKey>().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
                new Claim(ClaimTypes.Name, DisplayName(key)),
                new Claim(YorisoiClaims.DisplayName, DisplayName(key)),
                new Claim(YorisoiClaims.CenterId, key.CenterId.ToString()),
                new Claim(KeyIdClaim, key.Prefix),
                .. key.ScopeList.Select(s => new Claim(ScopeClaim, s)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        await WriteProblemAsync(Context, StatusCodes.Status401Unauthorized, Messages.Get("ApiKey.Invalid"));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(Context, StatusCodes.Status403Forbidden, Messages.Get("ApiKey.ScopeDenied"));
    }

    public static async Task WriteProblemAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title },
        });
    }

    public static string DisplayName(ApiKey key) => $"API: {key.Name}";

    private async Task<AuthenticateResult> RejectAsync(YorisoiDbContext db, ApiKey? key, string reason)
    {
        db.AuditRecords.Add(new AuditRecord
        {
            At = clock.GetUtcNow(),
            UserId = key?.Id,
            UserName = key is null ? null : DisplayName(key),
            CenterId = key?.CenterId,
            Action = AuditActions.ApiKeyRejected,
            Detail = reason,
        });
        await db.SaveChangesAsync(Context.RequestAborted);
        Logger.LogWarning("API key refused: {Reason}", reason);
        return AuthenticateResult.Fail("API key refused.");
    }

    private static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !StringValues.IsNullOrEmpty(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase) ? authorization[(SchemeName.Length + 1)..].Trim() : null;
    }
}

/// <summary>
/// Which endpoints a key may call, by endpoint name, and with which scope. Anything not listed is refused to keys:
/// administration, personal contact details, the repeat-consumer lookup, edits and approvals, every page.
/// </summary>
public static class ApiKeyAccess
{
    /// <summary>Reference data that any valid key may read (needed to fill in a case).</summary>
    public const string AnyScope = "";

    public static IReadOnlyDictionary<string, string> ScopeByEndpoint { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ListCases"] = ApiKeyScopes.CasesRead,
        ["GetCase"] = ApiKeyScopes.CasesRead,
        ["GetCaseHistory"] = ApiKeyScopes.CasesRead,
        ["SearchCases"] = ApiKeyScopes.CasesRead,
        ["SimilarCases"] = ApiKeyScopes.CasesRead,
        ["RegisterCase"] = ApiKeyScopes.CasesWrite,
        ["AddHandlingLogEntry"] = ApiKeyScopes.CasesWrite,
        ["ListCodeLists"] = AnyScope,
        ["SearchCodeList"] = AnyScope,
        ["ListCenters"] = AnyScope,
        ["SearchMunicipalities"] = AnyScope,
        ["LookupPostalCode"] = AnyScope,
    };

    public static string? EndpointName(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    public static bool Allows(HttpContext context, ClaimsPrincipal key)
    {
        // What anyone may call without signing in (the public FAQ) a key may call too; sign-in and sign-out are for people.
        if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null
            && !context.Request.Path.StartsWithSegments("/api/auth"))
        {
            return true;
        }

        if (EndpointName(context) is not { } name || !ScopeByEndpoint.TryGetValue(name, out var scope))
        {
            return false;
        }

        // History with personal values unmasked is personal data, which no key may read.
        if (name == "GetCaseHistory" && string.Equals(context.Request.Query["includePersonal"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return scope == AnyScope ? key.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.ScopeClaim) : key.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope);
    }
}
