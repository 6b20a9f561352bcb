using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using Yorisoi.Core.Assistance.Summaries;
using Yorisoi.Text.Analysis;
using Yorisoi.Text.Privacy;

namespace Yorisoi.Web.Features.Assistance;

public static class LlmRegistration
{
    /// <summary>
    /// The hand-over view and the optional LLM summary. The LLM client exists only when the operator configured an
    /// endpoint and a model (<see cref="LlmSummaryOptions.Section"/>); otherwise the hand-over shows the extractive summary alone.
    /// </summary>
    public static WebApplicationBuilder AddYorisoiAssistanceSummaries(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LlmSummaryOptions.Section).Get<LlmSummaryOptions>() ?? new LlmSummaryOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(s => new PersonalDataMasker(s.GetRequiredService<IMorphologicalAnalyzer>(), new PersonalDataMaskerOptions { PlaceNames = PlaceNames() }));
        builder.Services.AddSingleton<LlmPromptBuilder>();
        builder.Services.AddScoped<HandoverService>();
        var chat = options.IsConfigured ? CreateChatClient(options) : null;
        builder.Services.AddSingleton(s => new LlmSummaryClient(options, chat, s.GetRequiredService<ILogger<LlmSummaryClient>>()));
        return builder;
    }

    /// <summary>
    /// The names of all local governments, so that the masker keeps 「横浜市中区」 readable and masks what follows (the
    /// municipality helps the summary and identifies nobody). Read from the same embedded list the database is seeded from.
    /// </summary>
    private static List<string> PlaceNames()
    {
        using var stream = typeof(Yorisoi.Core.Centers.LocalGovernment).Assembly.GetManifestResourceStream("Centers/Data/local_governments.csv");
        var names = new List<string>();
        if (stream is null)
        {
            // Without the list the masker still masks addresses, guessing the municipality's end from 市, 区 and 郡.
            return names;
        }

        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields.Length > 3 && fields[3].Length > 0)
            {
                names.Add(fields[3]);
            }
        }

        return names;
    }

    private static IChatClient CreateChatClient(LlmSummaryOptions options)
    {
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            // A typo here would otherwise show up only as "unreachable" on every request.
            throw new InvalidOperationException($"{LlmSummaryOptions.Section}:Endpoint must be an absolute http or https URL (the OpenAI-compatible base URL, e.g. http://localhost:11434/v1).");
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds));
        var client = new OpenAIClient(
            // An OpenAI-compatible server without keys (Ollama) ignores the bearer token, but the SDK requires one.
            new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = endpoint,
                NetworkTimeout = timeout + TimeSpan.FromSeconds(1),
                // A retry would send the case text again and outlast the timeout the counselor waits for.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                // The SDK's own logging could write the request body; the client logs what it needs itself.
                ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false, EnableMessageLogging = false, EnableMessageContentLogging = false },
            });
        return client.GetChatClient(options.Model).AsIChatClient();
    }
}
