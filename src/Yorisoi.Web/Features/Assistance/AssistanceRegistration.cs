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
        builder.Services.AddSingleton<ChecklistLibrary>();
        builder.Services.AddScoped<ChecklistVersionService>();
        builder.AddYorisoiCaseCodeModel();
        builder.Services.AddScoped<CaseAssistant>();
        builder.Services.AddSingleton(InputChecks.LoadEmbedded());
        builder.Services.AddSingleton(s => new ExtractiveSummarizer(s.GetRequiredService<IMorphologicalAnalyzer>()));
        builder.Services.AddScoped<CaseChecks>();
        builder.Services.AddScoped<CheckReports>();
        builder.AddYorisoiAssistanceSummaries();
        return builder;
    }

    /// <summary>
    /// The trained tier (section "Assistance:Model"): this host's model file in the data folder, its trainer and the
    /// job that trains it on a schedule and on an administrator's request.
    /// </summary>
    private static void AddYorisoiCaseCodeModel(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Assistance:Model").Get<CaseCodeModelOptions>() ?? new CaseCodeModelOptions();
        var path = Path.Combine(Infrastructure.DataRegistration.DataDirectory(builder), "models", "case-codes.json.gz");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(s => new CaseCodeModelStore(path, s.GetRequiredService<ILogger<CaseCodeModelStore>>()));
        builder.Services.AddSingleton<CaseCodeModelTrainer>();
        builder.Services.AddSingleton<CaseCodeModelService>();
        builder.Services.AddHostedService(s => s.GetRequiredService<CaseCodeModelService>());
    }
}
