using Yorisoi.Core.Assistance;
using Yorisoi.Core.Assistance.Checklists;
using Yorisoi.Core.Assistance.Checks;
using Yorisoi.Core.Assistance.Classification;
using Yorisoi.Core.CodeLists;
using Yorisoi.Text.Analysis;
using Yorisoi.Text.Summaries;

namespace Yorisoi.Web.Features.Assistance;

public static class AssistanceRegistration
{
    /// <summary>Counselor assistance: the shipped classification, the checklists, and the service the form and the API share.</summary>
    public static WebApplicationBuilder AddYorisoiAssistance(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ClassificationCues.LoadEmbedded());
        builder.Services.AddSingleton(s => new ShippedCodeClassifier(s.GetRequiredService<CodeListCatalog>().Current, s.GetRequiredService<ClassificationCues>()));
        builder.Services.AddSingleton(ChecklistCatalog.LoadEmbedded());
        builder.Services.AddScoped<CaseAssistant>();
        builder.Services.AddSingleton(InputChecks.LoadEmbedded());
        builder.Services.AddSingleton(s => new ExtractiveSummarizer(s.GetRequiredService<IMorphologicalAnalyzer>()));
        builder.Services.AddScoped<CaseChecks>();
        builder.Services.AddScoped<CheckReports>();
        builder.AddYorisoiAssistanceSummaries();
        return builder;
    }
}
