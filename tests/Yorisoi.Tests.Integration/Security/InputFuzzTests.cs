using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Every endpoint of the running host (read from its EndpointDataSource, so a new one is covered without touching this
/// test) gets hostile input in each of its inputs: NUL and other control characters, huge text, text that grows under
/// normalisation, lone surrogates, extreme dates, numbers beyond their type, wrong JSON types, broken bodies and charsets.
/// Whatever the answer, it is never a server error, and nothing is logged as an error.
/// </summary>
public abstract class InputFuzzTests(AppFixture app)
{
    private readonly ApiSurface _api = new(app);

    private static readonly string[] HostileText =
    [
        "前\u0000後", "\u0000", "改\u0007行\u001B\u007F\u0085", new string('長', 100_000), string.Concat(Enumerable.Repeat("㍿", 300)), "\u202E逆向き",
    ];

    private static readonly JsonNode?[] HostileNonText = [JsonValue.Create(12345), new JsonObject(), new JsonArray(), JsonValue.Create(true)];

    private static readonly string[] HostileDates =
    [
        "0001-01-01", "9999-12-31", "0001-01-01T00:00:00+09:00", "9999-12-31T23:59:59-09:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30", "昨日",
    ];

    private static readonly string[] HostileQueryValues =
    [
        "%00", "a%00b", "%01%1F", "%ED%A0%80", "%FF%FE", new string('x', 20_000), "0001-01-01", "9999-12-31", "-1", "99999999999999999999", "%E3%8D%BF%E3%8D%BF", "%27%20OR%201=1--",
    ];

    [Fact]
    public void EveryApiEndpointIsDiscovered()
    {
        var endpoints = _api.Endpoints();

        // The enumeration must find the known endpoints with their inputs; if it finds nothing, the fuzzing proves nothing.
        Assert.Contains(endpoints, e => e.Method == "POST" && e.Route == "/api/cases" && e.Body == typeof(CaseInput));
        Assert.Contains(endpoints, e => e.Method == "POST" && e.Route == "/api/admin/centers/{id:guid}/users" && e.Body == typeof(StaffUserInput));
        Assert.Contains(endpoints, e => e.Method == "GET" && e.Route == "/api/cases" && e.Query.Contains("receivedFrom") && e.Query.Contains("businessName"));
        Assert.Contains(endpoints, e => e.Method == "GET" && e.Route == "/api/municipalities" && e.Query.Contains("q"));
        Assert.Contains(endpoints, e => e.Method == "POST" && e.Route == "/api/auth/login" && e.Anonymous);
        Assert.True(endpoints.Count >= 20, string.Join(", ", endpoints.Select(e => $"{e.Method} {e.Route}")));
    }

    [Fact]
    public async Task HostileBodiesNeverCauseAServerError()
    {
        var failures = new List<string>();
        var logsBefore = app.Logs.Entries.Count;
        foreach (var endpoint in _api.Endpoints().Where(e => e.Body is not null))
        {
            var sample = await _api.SampleBodyAsync(endpoint.Body!);
            foreach (var (what, body) in BodyVariants(endpoint.Body!, sample))
            {
                await SendAsync(failures, endpoint, what, await _api.UrlAsync(endpoint), body, "application/json");
            }

            foreach (var contentType in new[] { "application/json; charset=bogus", "application/json; charset=\"\"", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "application/json; foo" })
            {
                await SendAsync(failures, endpoint, contentType, await _api.UrlAsync(endpoint), sample.ToJsonString(), contentType);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        AssertNoErrorLogged(logsBefore);
    }

    [Fact]
    public async Task HostileQueryAndRouteValuesNeverCauseAServerError()
    {
        var failures = new List<string>();
        var logsBefore = app.Logs.Entries.Count;
        foreach (var endpoint in _api.Endpoints())
        {
            var url = await _api.UrlAsync(endpoint);
            var body = endpoint.Body is null ? null : (await _api.SampleBodyAsync(endpoint.Body)).ToJsonString();
            foreach (var parameter in endpoint.Query.Append("unknownParameter"))
            {
                foreach (var value in HostileQueryValues)
                {
                    await SendAsync(failures, endpoint, $"?{parameter}={Shorten(value)}", $"{url}?{parameter}={value}", body, "application/json");
                }
            }

            foreach (var route in endpoint.StringRouteValues)
            {
                // Kestrel (and the test server) refuse %00 in a path before the application sees it.
                foreach (var value in HostileQueryValues.Where(v => !v.Contains("%00", StringComparison.Ordinal)))
                {
                    await SendAsync(failures, endpoint, $"{{{route}}}={Shorten(value)}", await _api.UrlAsync(endpoint, route, value), body, "application/json");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        AssertNoErrorLogged(logsBefore);
    }

    [Fact]
    public async Task HostileQueriesToPagesNeverCauseAServerError()
    {
        var failures = new List<string>();
        var logsBefore = app.Logs.Entries.Count;
        var client = await app.ClientAsync(app.World.SupervisorA);
        var source = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var pages = source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.RoutePattern.RawText is { } raw && !raw.Contains('*', StringComparison.Ordinal))
            .ToList();
        Assert.Contains(pages, p => p.RoutePattern.RawText == "/cases");
        foreach (var page in pages)
        {
            var component = page.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type;
            var names = component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(p => p.Query is not null)
                .Select(p => p.Query!.Name ?? p.Property.Name)
                .Append("unknownParameter");
            var path = page.RoutePattern.RawText!.Replace("{Id:guid}", app.World.A1.Id.ToString(), StringComparison.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                foreach (var value in HostileQueryValues)
                {
                    using var response = await client.GetAsync($"{path}?{name}={value}");
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"GET {path} ?{name}={Shorten(value)}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        AssertNoErrorLogged(logsBefore);
    }

    private async Task SendAsync(List<string> failures, ApiEndpoint endpoint, string what, string url, string? body, string contentType)
    {
        var client = await _api.ClientForAsync(endpoint);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (body is not null && endpoint.Method != "GET")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await client.SendAsync(request);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{endpoint.Method} {endpoint.Route} {what}: {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
        }
    }

    /// <summary>One variant per input property (nested ones too), each replacing that property's value in the sample.</summary>
    private static IEnumerable<(string What, string Body)> BodyVariants(Type type, JsonNode sample)
    {
        foreach (var whole in new[] { "", "null", "[]", "\"text\"", "{", "{\"a\":" + new string('[', 200), "{\"summary\":\"\\ud800\"}", "\u0000" })
        {
            yield return ($"body {Shorten(whole)}", whole);
        }

        foreach (var (path, propertyType) in Paths(type, [], 0))
        {
            foreach (var value in ValuesFor(propertyType))
            {
                var body = sample.DeepClone();
                Set(body, path, value?.DeepClone());
                yield return ($"{string.Join('.', path)}={Shorten(value?.ToJsonString() ?? "null")}", body.ToJsonString());
            }

            // An escaped lone surrogate can only be written by hand: System.Text.Json writes valid UTF-16 only.
            if ((Nullable.GetUnderlyingType(propertyType) ?? propertyType) == typeof(string))
            {
                var body = sample.DeepClone();
                Set(body, path, "SURROGATE");
                yield return ($"{string.Join('.', path)}=\\ud800", body.ToJsonString().Replace("\"SURROGATE\"", "\"a\\ud800b\"", StringComparison.Ordinal));
            }
        }
    }

    private static IEnumerable<(string[] Path, Type Type)> Paths(Type type, string[] prefix, int depth)
    {
        foreach (var property in ApiSurface.InputProperties(type))
        {
            var path = (string[])[.. prefix, JsonNamingPolicy.CamelCase.ConvertName(property.Name)];
            yield return (path, property.PropertyType);
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (depth < 3 && t.IsClass && t != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(t))
            {
                foreach (var nested in Paths(t, path, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<JsonNode?> ValuesFor(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return [.. HostileText.Select(v => (JsonNode?)JsonValue.Create(v)), .. HostileNonText, null];
        }

        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
        {
            return [.. HostileDates.Select(v => (JsonNode?)JsonValue.Create(v)), JsonValue.Create(20261101)];
        }

        if (typeof(IEnumerable).IsAssignableFrom(t))
        {
            return [JsonValue.Create("一覧"), new JsonArray(null, "\u0000", new string('語', 100_000), 7), new JsonArray([.. Enumerable.Range(0, 2_000).Select(i => (JsonNode?)JsonValue.Create("K" + i))]), null];
        }

        if (t.IsPrimitive || t == typeof(decimal) || t.IsEnum || t == typeof(Guid))
        {
            return [JsonValue.Create("数字ではない"), JsonValue.Create(-1), JsonValue.Create(1e300), JsonNode.Parse("99999999999999999999999"), JsonValue.Create(long.MinValue), JsonValue.Create("00000000-0000-0000-0000-000000000000"), new JsonObject(), null];
        }

        return [JsonValue.Create("文字"), new JsonArray(), JsonValue.Create(1), null];
    }

    private static void Set(JsonNode body, string[] path, JsonNode? value)
    {
        if (body is not JsonObject node)
        {
            return;
        }

        for (var i = 0; i < path.Length - 1; i++)
        {
            if (node[path[i]] is not JsonObject child)
            {
                child = new JsonObject();
                node[path[i]] = child;
            }

            node = child;
        }

        node[path[^1]] = value;
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..60] + $"…({text.Length})" : text;

    private void AssertNoErrorLogged(int before)
    {
        var errors = app.Logs.Entries.Skip(before).Where(e => e.Level >= LogLevel.Error).Select(e => e.Text.Length > 600 ? e.Text[..600] : e.Text).Distinct().ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}

public sealed class InputFuzzOnSqliteTests(SqliteApp app) : InputFuzzTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class InputFuzzOnPostgresTests(PostgresApp app) : InputFuzzTests(app), IClassFixture<PostgresApp>;
