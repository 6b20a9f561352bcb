using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Tests.Integration.Knowledge;
using Yorisoi.Web.Features.Knowledge;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

public sealed record ApiEndpoint(string Method, string Route, Type? Body, IReadOnlyList<string> Query, IReadOnlyList<string> StringRouteValues, string? Policy, bool Anonymous)
{
    public bool IsUnsafe => Method is not ("GET" or "HEAD" or "OPTIONS");

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// The host's /api endpoints as its EndpointDataSource lists them, with what each accepts (body type, query parameters,
/// route values), and for each a URL, a body it accepts and a client allowed to call it, all against the fixture's world.
/// </summary>
public sealed class ApiSurface(AppFixture app)
{
    public List<ApiEndpoint> Endpoints()
    {
        var services = app.Factory.Services;
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var result = new List<ApiEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = (endpoint.RoutePattern.RawText ?? "").TrimEnd('/');
            if (!route.StartsWith("/api/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods)
            {
                continue;
            }

            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var query = new List<string>();
            foreach (var parameter in endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
            {
                if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
                {
                    query.AddRange(parameter.ParameterType.GetProperties().Where(p => p.CanWrite && IsSimple(p.PropertyType)).Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]));
                }
                else if (IsSimple(parameter.ParameterType) && !routeNames.Contains(parameter.Name!) && parameter.GetCustomAttribute<FromHeaderAttribute>() is null
                    && parameter.GetCustomAttribute<FromServicesAttribute>() is null && !isService.IsService(parameter.ParameterType))
                {
                    query.Add(parameter.Name!);
                }
            }

            var stringRouteValues = endpoint.RoutePattern.Parameters.Where(p => p.ParameterPolicies.Count == 0).Select(p => p.Name).ToList();
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var anonymous = !endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            foreach (var method in methods.HttpMethods)
            {
                result.Add(new ApiEndpoint(method, route, body, query, stringRouteValues, policy, anonymous));
            }
        }

        return result;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(decimal);
    }

    public async Task<HttpClient> ClientForAsync(ApiEndpoint endpoint) =>
        endpoint.Anonymous ? app.AnonymousClient()
        : endpoint.Policy == Policies.Administer ? await app.ClientAsync(app.World.SystemAdminA)
        // Checklist drafts and publication belong to the national center's FAQ editors and approvers; anyone else would be
        // refused before the input is read.
        : endpoint.Route.StartsWith(ChecklistRoutes, StringComparison.Ordinal) && endpoint.Policy == KnowledgePolicies.Edit
            ? await app.ClientAsync((await app.OnceAsync(KnowledgeWorld.SeedAsync)).NationalEditor)
        : endpoint.Route.StartsWith(ChecklistRoutes, StringComparison.Ordinal) && endpoint.Policy == KnowledgePolicies.Approve
            ? await app.ClientAsync((await app.OnceAsync(KnowledgeWorld.SeedAsync)).NationalApprover)
        : await app.ClientAsync(app.World.SupervisorA);

    private const string ChecklistRoutes = "/api/assist/checklists";

    /// <summary>A checklist draft for the routes that take a version id, started by the national editor through the API.</summary>
    private async Task<string> ChecklistDraftIdAsync()
    {
        var editor = await app.ClientAsync((await app.OnceAsync(KnowledgeWorld.SeedAsync)).NationalEditor);
        using var response = await editor.PostAsync(ChecklistRoutes + "/versions", System.Net.Http.Json.JsonContent.Create(new { }));
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return created["version"]!["id"]!.ToJsonString();
    }

    public async Task<string> UrlAsync(ApiEndpoint endpoint, string? hostileRoute = null, string? hostileValue = null)
    {
        var url = endpoint.Route;
        foreach (var segment in url.Split('/').Where(s => s.StartsWith('{')).ToList())
        {
            var name = segment.Trim('{', '}').Split(':')[0];
            var value = name == hostileRoute ? hostileValue!
                : name == "list" ? "product"
                : name != "id" ? "x"
                : url.StartsWith("/api/cases/", StringComparison.Ordinal) ? (await app.RegisterAsync(app.World.CounselorA)).Id.ToString()
                : url.StartsWith("/api/admin/centers/", StringComparison.Ordinal) ? app.World.CenterA.Id.ToString()
                : url.StartsWith("/api/admin/users/", StringComparison.Ordinal) ? app.World.Counselor2A.Id.ToString()
                : url.StartsWith(ChecklistRoutes, StringComparison.Ordinal) ? await ChecklistDraftIdAsync()
                : Guid.CreateVersion7().ToString();
            url = url.Replace(segment, value, StringComparison.Ordinal);
        }

        return url;
    }

    /// <summary>A body the endpoint accepts, so that each variant changes one thing; unknown types get a generated one.</summary>
    public async Task<JsonNode> SampleBodyAsync(Type type)
    {
        object sample = type.Name switch
        {
            nameof(CaseInput) => CaseInputs.Valid(),
            nameof(HandlingLogInput) => CaseInputs.Log(),
            "UpdateCaseRequest" => new { version = (await app.RegisterAsync(app.World.CounselorA)).Version, @case = CaseInputs.Valid() },
            nameof(StaffUserInput) => new { email = $"fuzz-{Guid.NewGuid():N}@test.yorisoi.jp", displayName = "試験 職員", role = Roles.Counselor, password = TestWorld.Password },
            nameof(CenterInput) => new { code = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), name = "試験センター", kind = CenterKind.Municipal, prefectureCode = "130001" },
            "LoginRequest" => new { email = "nobody@test.yorisoi.jp", password = "wrong-password" },
            "ShareRequest" => new { centerId = app.World.CenterB.Id, reason = "広域連携" },
            "TransitionRequest" => new { action = "Start" },
            "RepeatConsumerSearch" => new { phone = TestWorld.SharedPhone },
            "PostalCodeLookup" => new { code = "100-0001" },
            _ => Generate(type, 0) ?? new JsonObject(),
        };
        return sample as JsonNode ?? JsonSerializer.SerializeToNode(sample, Api.Json)!;
    }

    private static JsonNode? Generate(Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return "試験";
        }

        if (t.IsEnum)
        {
            return Enum.GetNames(t)[0];
        }

        if (t == typeof(bool))
        {
            return false;
        }

        if (t.IsPrimitive || t == typeof(decimal))
        {
            return 1;
        }

        if (t == typeof(Guid))
        {
            return Guid.Empty.ToString();
        }

        if (t == typeof(DateOnly))
        {
            return DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (t == typeof(DateTime) || t == typeof(DateTimeOffset))
        {
            return DateTimeOffset.UtcNow.AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (typeof(IEnumerable).IsAssignableFrom(t))
        {
            return new JsonArray();
        }

        if (depth > 4)
        {
            return null;
        }

        var node = new JsonObject();
        foreach (var property in InputProperties(t))
        {
            node[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = Generate(property.PropertyType, depth + 1);
        }

        return node;
    }

    public static IEnumerable<PropertyInfo> InputProperties(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null);
}
