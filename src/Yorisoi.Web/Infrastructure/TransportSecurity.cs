using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Yorisoi.Web.Infrastructure;

/// <summary>Configuration sections "Https" and "ForwardedHeaders".</summary>
public sealed class TransportOptions
{
    /// <summary>The host is reached over TLS (directly or through a proxy): redirect HTTP to HTTPS and send HSTS.</summary>
    public bool HttpsEnabled { get; set; }

    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Trust X-Forwarded-For and X-Forwarded-Proto from <see cref="KnownProxies"/> and <see cref="KnownNetworks"/>.</summary>
    public bool ForwardedHeadersEnabled { get; set; }

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// Response headers that keep pages from being framed, sniffed, leaking their URLs or running injected script, and
/// (when configured) TLS behind a reverse proxy.
/// </summary>
public static class TransportSecurity
{
    public static WebApplicationBuilder AddYorisoiTransportSecurity(this WebApplicationBuilder builder)
    {
        var options = Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (options.ForwardedHeadersEnabled)
        {
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in options.KnownProxies)
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in options.KnownNetworks)
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }

                // Without a listed proxy the loopback defaults stay: a proxy on the same machine.
                if (o.KnownProxies.Count == 0 && o.KnownIPNetworks.Count == 0)
                {
                    o.KnownProxies.Add(IPAddress.Loopback);
                    o.KnownProxies.Add(IPAddress.IPv6Loopback);
                }
            });
        }

        return builder;
    }

    /// <summary>First in the pipeline, so that every answer, errors included, carries the headers.</summary>
    public static WebApplication UseYorisoiTransportSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TransportOptions>();
        if (options.ForwardedHeadersEnabled)
        {
            app.UseForwardedHeaders();
        }

        if (options.HttpsEnabled)
        {
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders(Policy(options));
        return app;
    }

    public static HeaderPolicyCollection Policy(TransportOptions options)
    {
        var policy = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicySameOrigin()
            .AddCrossOriginOpenerPolicy(o => o.SameOrigin())
            .AddCrossOriginResourcePolicy(o => o.SameOrigin())
            .RemoveServerHeader()
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // Scripts are the host's own files; the one inline script (Blazor's import map) carries the request's nonce.
                csp.AddScriptSrc().Self().WithNonce();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                // 'self' covers the interactive screens' WebSocket to the same host (CSP Level 3).
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });
        if (options.HttpsEnabled)
        {
            // Sent on HTTPS answers only; subdomains are left alone because a municipality's other services may live there.
            policy.AddStrictTransportSecurityMaxAge(maxAgeInSeconds: options.HstsMaxAgeDays * 24 * 60 * 60);
        }

        return policy;
    }

    private static TransportOptions Read(IConfiguration configuration) => new()
    {
        HttpsEnabled = configuration.GetValue("Https:Enabled", false),
        HstsMaxAgeDays = configuration.GetValue("Https:HstsMaxAgeDays", 365),
        ForwardedHeadersEnabled = configuration.GetValue("ForwardedHeaders:Enabled", false),
        KnownProxies = List(configuration, "ForwardedHeaders:KnownProxies"),
        KnownNetworks = List(configuration, "ForwardedHeaders:KnownNetworks"),
    };

    // Either a comma-separated value (convenient in one environment variable) or a configuration array.
    private static string[] List(IConfiguration configuration, string key) =>
        [.. (configuration[key] is { Length: > 0 } single ? single.Split(',') : configuration.GetSection(key).Get<string[]>() ?? [])
            .Select(v => v.Trim()).Where(v => v.Length > 0)];
}
