using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Yorisoi.Core.Resources;

namespace Yorisoi.Web.Infrastructure;

public static class ApiRegistration
{
    /// <summary>OpenAPI at /openapi/v1.json; every error as RFC 9457 problem details, in Japanese.</summary>
    public static WebApplicationBuilder AddYorisoiApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            // Framework-made problems (bad JSON, wrong content type) get a Japanese title, never a stack trace.
            if (context.Exception is BadHttpRequestException || context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.ProblemDetails.Title is "Bad Request" or null)
            {
                context.ProblemDetails.Title = Messages.Get("Api.BadRequest");
                context.ProblemDetails.Detail = context.Exception is BadHttpRequestException bad ? JsonProblemDetail(bad) : context.ProblemDetails.Detail;
            }
            else if (context.ProblemDetails.Status == StatusCodes.Status500InternalServerError)
            {
                context.ProblemDetails.Title = Messages.Get("Api.ServerError");
                context.ProblemDetails.Detail = null;
            }
            else if (context.ProblemDetails.Status == StatusCodes.Status404NotFound && context.ProblemDetails.Title is "Not Found" or null)
            {
                context.ProblemDetails.Title = Messages.Get("Api.NotFound");
            }
            else if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Title is "Unsupported Media Type" or null)
            {
                context.ProblemDetails.Title = Messages.Get("Api.UnsupportedMediaType");
            }
        });
        builder.Services.AddSingleton<ColumnLengths>();
        builder.Services.AddOptions<JsonOptions>().Configure<ColumnLengths>((o, columns) =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are JSON numbers: reading "12000" as well would make the published schema say any string is an amount.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            RequestInput.AddTo(o.SerializerOptions, columns);
        });

        // A body or parameter the framework cannot bind reaches the handler below in every environment, so the answer
        // is the same problem in production as in development.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.AddYorisoiRequestHardening();
        builder.AddYorisoiTransportSecurity();
        return builder;
    }

    // The parser's message names the JSON path and position, which helps an API client; it never echoes values.
    private static string JsonProblemDetail(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json ? Messages.Format("Api.UnreadableJson", json.Path ?? "$") : Messages.Get("Api.UnreadableRequest");

    /// <summary>Turns a request the framework could not bind into a 400 problem instead of a 500.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            if (bad.InnerException is InputRejectedException rejected)
            {
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                await TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [rejected.FieldKey] = [rejected.UserMessage] },
                    title: Messages.Get("Api.InvalidInput")).ExecuteAsync(httpContext);
                return true;
            }

            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = { Status = bad.StatusCode },
            });
        }
    }
}
