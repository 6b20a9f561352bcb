namespace Yorisoi.Web.Features.Assistance;

/// <summary>
/// The operator's optional LLM endpoint for hand-over summaries (section <c>Yorisoi:Assistance:Llm</c>). Without
/// <see cref="Endpoint"/> and <see cref="Model"/> there is no LLM and nothing else changes.
/// </summary>
public sealed class LlmSummaryOptions
{
    public const string Section = "Yorisoi:Assistance:Llm";

    /// <summary>Base URL of an OpenAI-compatible API, e.g. <c>http://localhost:11434/v1</c> for a local Ollama.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model the endpoint serves, e.g. <c>qwen2.5:7b</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as a bearer token when set; never logged. A local Ollama needs none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long a summary may take before the counselor is told it failed.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Upper bound of the answer's length in tokens (the prompt asks for 300 characters).</summary>
    public int MaxOutputTokens { get; set; } = 800;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}
