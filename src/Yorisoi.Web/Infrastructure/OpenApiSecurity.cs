using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Yorisoi.Web.Infrastructure;

/// <summary>Describes the two ways to call the API: the staff session cookie and an API key.</summary>
public sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public const string Cookie = "sessionCookie";
    public const string ApiKey = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "yorisoi.auth",
            Description = "Staff session from POST /api/auth/login. Ends at sign-out, password change, lock or two-factor reset, and after 30 idle minutes.",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "Key of another system, made by a center's administrator (also accepted as 'Authorization: ApiKey <key>'). "
                + "Acts for one center, within its scopes: cases:read (list, read, masked history), cases:write (register, handling log).",
        };
        return Task.CompletedTask;
    }
}

/// <summary>Marks each operation with what it accepts: the cookie where it needs a signed-in user, and a key where a scope allows it.</summary>
public sealed class SecurityRequirementsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemesTransformer.Cookie, context.Document)] = [] });
        var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        if (name is not null && ApiKeyAccess.ScopeByEndpoint.TryGetValue(name, out var scope))
        {
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SecuritySchemesTransformer.ApiKey, context.Document)] = scope == ApiKeyAccess.AnyScope ? [] : [scope],
            });
        }

        return Task.CompletedTask;
    }
}
