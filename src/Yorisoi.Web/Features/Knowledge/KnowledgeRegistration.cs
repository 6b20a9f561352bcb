using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Web.Features.Knowledge;

public static class KnowledgePolicies
{
    /// <summary>Read the knowledge base: any signed-in staff member.</summary>
    public const string Read = "knowledge-read";

    /// <summary>Create and edit drafts, ask for review.</summary>
    public const string Edit = "knowledge-edit";

    /// <summary>Return, approve, publish, retire and restore.</summary>
    public const string Approve = "knowledge-approve";

    /// <summary>Evaluation reports: stats, overdue reviews, search gaps.</summary>
    public const string Report = "knowledge-report";

    public static KnowledgeRights Rights(ClaimsPrincipal user) => new(user.IsInRole(Roles.FaqEditor), user.IsInRole(Roles.FaqApprover));
}

public static class KnowledgeRegistration
{
    /// <summary>Knowledge-base services, its authorization policies and the feedback rate limit (section "Knowledge").</summary>
    public static WebApplicationBuilder AddYorisoiKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(FaqCategories.LoadEmbedded());
        builder.Services.AddScoped<KnowledgeService>();
        builder.Services.AddScoped<KnowledgeReports>();
        builder.Services.AddScoped<FaqPublicService>();
        builder.Services.AddScoped<ISearchLog, SearchLogWriter>();
        builder.Services.AddSingleton<FaqIndexKeeper>();
        builder.Services.AddScoped<FaqSearchService>();
        builder.Services.AddScoped<NarrativeSuggestions>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(KnowledgePolicies.Read, p => p.RequireAuthenticatedUser())
            .AddPolicy(KnowledgePolicies.Edit, p => p.RequireAuthenticatedUser().RequireRole(Roles.FaqEditor))
            .AddPolicy(KnowledgePolicies.Approve, p => p.RequireAuthenticatedUser().RequireRole(Roles.FaqApprover))
            .AddPolicy(KnowledgePolicies.Report, p => p.RequireAuthenticatedUser().RequireRole(Roles.KnowledgeWorkers));

        var permits = builder.Configuration.GetValue("Knowledge:FeedbackPermitLimit", 20);
        var window = TimeSpan.FromSeconds(builder.Configuration.GetValue("Knowledge:FeedbackWindowSeconds", 600));
        builder.Services.AddSingleton(new FeedbackThrottle(permits, window));
        return builder;
    }
}
