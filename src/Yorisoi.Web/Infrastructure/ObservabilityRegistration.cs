using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;

namespace Yorisoi.Web.Infrastructure;

public static class ObservabilityRegistration
{
    /// <summary>
    /// Health checks, and OpenTelemetry metrics and traces for requests and database calls. Metrics are
    /// scraped at /metrics (Prometheus format); traces and metrics go to an OTLP collector when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set.
    /// </summary>
    public static WebApplicationBuilder AddYorisoiObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<YorisoiDbContext>("database", tags: ["ready"]);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("yorisoi-web", serviceVersion: typeof(ObservabilityRegistration).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore")
                .AddMeter("Npgsql")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Npgsql"));
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithMetrics(m => m.AddOtlpExporter()).WithTracing(t => t.AddOtlpExporter());
        }

        // Personal data never reaches the logs: EF's parameter logging stays off (the default) and
        // request logging records paths and status codes only.
        // A person reads the console in Development: one plain line per entry. Elsewhere a log collector reads
        // it: JSON lines.
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = false;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        }

        // One line per SQL command buries the log (about 26,000 lines while the demo data is seeded) and slows the
        // start. This is the default when the host runs without its appsettings.json (started from another working
        // directory); inserted first, so a level configured for the category still wins.
        builder.Services.Configure<LoggerFilterOptions>(o => o.Rules.Insert(0, new LoggerFilterRule(null, DbLoggerCategory.Database.Command.Name, LogLevel.Warning, null)));
        return builder;
    }

    public static WebApplication MapYorisoiHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        });
        // The scrape reveals request paths, volumes and database timings: loopback only (a collector on the same
        // machine), or anyone presenting the configured bearer token.
        var access = app.Configuration.GetSection("Metrics").Get<MetricsAccessOptions>() ?? new MetricsAccessOptions();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (access.Allows(context))
            {
                await next(context);
                return;
            }

            var status = string.IsNullOrEmpty(access.ScrapeToken) ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            if (status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            await TypedResults.Problem(statusCode: status, title: Messages.Get("Api.MetricsRefused")).ExecuteAsync(context);
        }), optionsName: null);
        return app;
    }
}

/// <summary>Configuration section "Metrics": who may read /metrics.</summary>
public sealed class MetricsAccessOptions
{
    /// <summary>Requests from this machine itself (127.0.0.1, ::1) may scrape without a token.</summary>
    public bool AllowLoopback { get; set; } = true;

    /// <summary>When set, a scraper sending "Authorization: Bearer &lt;token&gt;" may read the metrics from anywhere.</summary>
    public string? ScrapeToken { get; set; }

    public bool Allows(HttpContext context)
    {
        if (AllowLoopback && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            return true;
        }

        if (string.IsNullOrEmpty(ScrapeToken) || !AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header.Parameter)), SHA256.HashData(Encoding.UTF8.GetBytes(ScrapeToken)));
    }
}
