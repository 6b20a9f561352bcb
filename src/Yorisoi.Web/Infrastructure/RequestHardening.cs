using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yorisoi.Core.Resources;

namespace Yorisoi.Web.Infrastructure;

/// <summary>Configuration section "Csrf".</summary>
public sealed class CsrfOptions
{
    /// <summary>
    /// Origins besides the host's own (scheme://host[:port]) whose pages may send signed-in unsafe requests,
    /// e.g. a staff portal on another name of the same installation.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>
/// Checks every request once, before authentication and before any endpoint: a body in a character set the host cannot
/// read, query and route values with control characters, and unsafe requests that carry the sign-in cookie but come from
/// another site's page. Form fields lose their control characters here as JSON strings do in <see cref="RequestInput"/>.
/// </summary>
public static class RequestHardening
{
    public static WebApplicationBuilder AddYorisoiRequestHardening(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CsrfOptions>(builder.Configuration.GetSection("Csrf"));
        return builder;
    }

    public static IApplicationBuilder UseYorisoiRequestHardening(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (IsCrossSiteWithSignInCookie(context))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Messages.Get("Api.CrossOriginRefused")).ExecuteAsync(context);
            return;
        }

        if (UnreadableCharset(request) is { } charset)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: Messages.Get("Api.UnsupportedCharset"),
                detail: Messages.Format("Api.UnsupportedCharsetDetail", charset)).ExecuteAsync(context);
            return;
        }

        if (FirstValueWithControlCharacters(request) is { } name)
        {
            await TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [name] = [Messages.Format("Api.ControlCharacters", name)] },
                title: Messages.Get("Api.InvalidInput")).ExecuteAsync(context);
            return;
        }

        if (request.HasFormContentType && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Messages.Get("Api.BadRequest")).ExecuteAsync(context);
                return;
            }

            if (form.Any(field => field.Value.Any(v => v is not null && RequestInput.HasControlCharacters(v))))
            {
                request.Form = new FormCollection(form.ToDictionary(
                    field => field.Key,
                    field => new StringValues([.. field.Value.Select(v => v is null ? v : RequestInput.WithoutControlCharacters(v))])));
            }
        }

        await next(context);
    });

    /// <summary>
    /// An unsafe request that carries the sign-in cookie (or the two-factor step's) from a page of another origin. The
    /// cookie is SameSite=Strict already; this holds even where a browser or a sibling site gets around that. Requests
    /// without the cookie (API keys, sign-in itself) and clients that send neither Origin nor Sec-Fetch-Site (no browser)
    /// are not affected.
    /// </summary>
    private static bool IsCrossSiteWithSignInCookie(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }

        var cookies = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        var carriesSignIn = new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme }
            .Select(scheme => cookies.Get(scheme).Cookie.Name)
            .Any(name => name is not null && request.Cookies.ContainsKey(name));
        if (!carriesSignIn)
        {
            return false;
        }

        var origin = request.Headers.Origin;
        if (origin.Count > 0)
        {
            return origin.Count > 1 || !IsAllowedOrigin(origin.ToString(), context);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    // The scheme is not compared: behind a TLS proxy without forwarded headers the host sees http while the page is https,
    // and the same host and port serve the same application either way.
    private static bool IsAllowedOrigin(string origin, HttpContext context)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        if (string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var allowed = context.RequestServices.GetRequiredService<IOptionsMonitor<CsrfOptions>>().CurrentValue.AllowedOrigins;
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    private static string? UnreadableCharset(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset is not { Length: > 0 } charset)
        {
            return null;
        }

        var name = charset.ToString().Trim('"');
        try
        {
            // Only what .NET reads without extra code pages; a JSON body in anything else could not be read anyway.
            _ = Encoding.GetEncoding(name);
            return null;
        }
        catch (ArgumentException)
        {
            return name;
        }
    }

    private static string? FirstValueWithControlCharacters(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            if (RequestInput.HasControlCharacters(key) || values.Any(v => v is not null && RequestInput.HasControlCharacters(v)))
            {
                return RequestInput.WithoutControlCharacters(key);
            }
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && RequestInput.HasControlCharacters(text))
            {
                return key;
            }
        }

        return request.Path.HasValue && RequestInput.HasControlCharacters(request.Path.Value) ? "path" : null;
    }
}
