using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Search;
using Yorisoi.Text.Analysis;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Search;

public static class SearchRegistration
{
    /// <summary>The case index of this host, its indexer (a background job unless Search:IndexerEnabled is false) and case search (section "Search").</summary>
    public static WebApplicationBuilder AddYorisoiSearch(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Search").Get<CaseSearchOptions>() ?? new CaseSearchOptions();
        var dataDirectory = DataRegistration.DataDirectory(builder);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services => new CaseIndex(
            options, dataDirectory, services.GetRequiredService<CodeListCatalog>(), services.GetRequiredService<IMorphologicalAnalyzer>()));
        builder.Services.AddSingleton<CaseIndexer>();
        builder.Services.AddScoped<CaseSearchService>();
        if (options.IndexerEnabled)
        {
            builder.Services.AddHostedService<CaseIndexingService>();
        }

        return builder;
    }
}
