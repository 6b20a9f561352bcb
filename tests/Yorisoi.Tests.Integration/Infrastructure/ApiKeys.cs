using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>API keys made through the admin API, and requests that present them.</summary>
public static class ApiKeys
{
    public sealed record Created(Guid Id, string Prefix, string Name, string Secret);

    /// <summary>Creates a key as the system administrator of the test world (who may do so for any center).</summary>
    public static async Task<Created> CreateAsync(AppFixture app, Guid centerId, string[] scopes, string? name = null)
    {
        var admin = await app.ClientAsync(app.World.SystemAdminA);
        name ??= "連携テスト " + Guid.NewGuid().ToString("N")[..6];
        using var response = await admin.PostJsonAsync("/api/admin/api-keys", new { centerId, name, scopes, expiresAt = DateTimeOffset.UtcNow.AddDays(30) });
        var body = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.Created))!;
        return new Created(body["key"]!["id"]!.GetValue<Guid>(), body["key"]!["prefix"]!.GetValue<string>(), name, body["secret"]!.GetValue<string>());
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Api.Json);
        }

        return request;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, Created key, object? body = null) => Request(method, path, key.Secret, body);

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string key, string path)
    {
        using var request = Request(HttpMethod.Get, path, key);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, Created key, string path) => GetAsync(client, key.Secret, path);
}
