using Yorisoi.Web.Components;
using Yorisoi.Web.Features.Administration;
using Yorisoi.Web.Features.Analytics;
using Yorisoi.Web.Features.Approvals;
using Yorisoi.Web.Features.Assistance;
using Yorisoi.Web.Features.Auth;
using Yorisoi.Web.Features.Cases;
using Yorisoi.Web.Features.CodeLists;
using Yorisoi.Web.Features.Knowledge;
using Yorisoi.Web.Features.Search;
using Yorisoi.Web.Infrastructure;

// Needs no database or web host, so it runs before either is built.
if (await SurveillanceCommand.TryRunAsync(args, Console.Out, Console.Error) is { } surveillanceExit)
{
    return surveillanceExit;
}

var builder = WebApplication.CreateBuilder(args);

// Serves the framework's and packages' static files when the host runs from its build output in any
// environment (tests, benchmarks); a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();
builder.AddYorisoiData();
builder.AddYorisoiSecurity();
builder.AddYorisoiObservability();
builder.AddYorisoiApi();
builder.AddYorisoiDataProtection();
builder.AddYorisoiKnowledge();
builder.AddYorisoiSearch();
builder.AddYorisoiAssistance();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
if (await CommandLine.TryRunAsync(app, args) is { } exitCode)
{
    return exitCode;
}

await app.InitializeDatabaseAsync();

app.UseYorisoiTransportSecurity();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseYorisoiRequestHardening();
app.UseAuthentication();
app.UseAccessScope();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapYorisoiHealth();
app.MapAuthEndpoints();
app.MapLogout();
app.MapCaseEndpoints();
app.MapCaseFaqLinkEndpoints();
app.MapApprovalEndpoints();
app.MapCodeListEndpoints();
app.MapAdministrationEndpoints();
app.MapKnowledgeEndpoints();
app.MapSuggestionEndpoints();
app.MapSearchEndpoints();
app.MapAssistanceEndpoints();
app.MapCaseCodeModelEndpoints();
app.MapChecklistEndpoints();
app.MapHandoverEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
