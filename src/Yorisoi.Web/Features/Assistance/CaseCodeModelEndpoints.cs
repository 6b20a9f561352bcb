using Microsoft.AspNetCore.Http.HttpResults;
using Yorisoi.Core.Assistance.Classification;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Assistance;

public static class CaseCodeModelEndpoints
{
    public static IEndpointRouteBuilder MapCaseCodeModelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/assist/model").WithTags("Assistance");
        group.MapGet("", (CaseCodeModelStore store) => TypedResults.Ok(store.Status))
            .RequireAuthorization(Policies.Administer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("CaseCodeModelStatus")
            .WithSummary("The trained tier of the classification suggestions on this host: state (None: the shipped rules alone; Loaded; Unreadable: the model file is damaged and the shipped rules stand alone until the next training), version, cases learned from, when trained, top-1/top-3/macro-F1 per field on held-out approved cases, whether a training runs, and the last attempt.");
        group.MapPost("/training", Results<Accepted<CaseCodeModelStatus>, ProblemHttpResult> (CaseCodeModelService service, CaseCodeModelStore store) =>
                service.RequestTraining()
                    ? TypedResults.Accepted("/api/admin/assist/model", store.Status)
                    : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Messages.Get("Api.ModelTrainingRunning")))
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.SystemAdmin))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("TrainCaseCodeModel")
            .WithSummary("Starts training the model on the instance's approved cases now (system administrators only); follow GET /api/admin/assist/model until `training` is false. 409 while a training runs.");
        return app;
    }
}
