using Microsoft.AspNetCore.Http.HttpResults;
using Yorisoi.Core.Cases;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Approvals;

public static class ApprovalEndpoints
{
    public static IEndpointRouteBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/approvals", async Task<Ok<IReadOnlyList<AwaitingApprovalItem>>> (AwaitingApprovals queue, CancellationToken ct) =>
                TypedResults.Ok(await queue.ListAsync(ct)))
            .WithTags("Approvals")
            .RequireAuthorization(Policies.Approve)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListApprovals")
            .WithSummary("Cases of the approver's center waiting for 決裁, the longest-waiting first, with who submitted them and when.");
        return app;
    }
}
