using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>How the recording server answers the next chat-completion requests.</summary>
public enum ChatServerMode
{
    /// <summary>200 with a chat completion in the OpenAI format, whose content is <see cref="RecordingChatServer.Answer"/>.</summary>
    Answer,

    /// <summary>500 with an OpenAI-style error body.</summary>
    ServerError,

    /// <summary>200 with a body that is not a chat completion.</summary>
    Garbage,

    /// <summary>Waits far longer than the host's timeout before answering.</summary>
    Slow,
}

/// <summary>
/// A real HTTP server on a free loopback port (Kestrel), speaking the OpenAI chat-completions API as Ollama or any
/// OpenAI-compatible server does, that records every request exactly as it arrived. The tests assert on the recorded
/// bodies: that is what left the host.
/// </summary>
public sealed class RecordingChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingChatServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ChatServerMode Mode { get; set; } = ChatServerMode.Answer;

    public string Answer { get; set; } = "通信販売の定期購入の解約についての相談。事業者に連絡したが解約できていない。";

    /// <summary>The OpenAI-compatible base URL to configure, ending in /v1 as Ollama's does.</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<RecordingChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new RecordingChatServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>A loopback URL where nothing listens: a port the system handed out and that was closed again.</summary>
    public static string UnreachableBaseUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/v1";
    }

    public void Clear() => Requests.Clear();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
        switch (Mode)
        {
            case ChatServerMode.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "model crashed", type = "server_error" } }, context.RequestAborted);
                return;
            case ChatServerMode.Garbage:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"choices\": \"<html>not a completion", context.RequestAborted);
                return;
            case ChatServerMode.Slow:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The host gave up first, as it should.
                    return;
                }

                break;
        }

        var model = JsonNode.Parse(body)?["model"]?.GetValue<string>() ?? "";
        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-recording",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Answer }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 40, total_tokens = 140 },
        }, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Path, string Authorization, string Body)
{
    /// <summary>The text of the messages with the given role, unescaped: the SDK writes Japanese as \u escapes.</summary>
    public string MessageText(string role)
    {
        var messages = JsonNode.Parse(Body)?["messages"]?.AsArray() ?? [];
        return string.Join('\n', messages.Where(m => m?["role"]?.GetValue<string>() == role).Select(m => Strings(m)));
    }

    /// <summary>Every string value anywhere in the body, unescaped.</summary>
    public string AllText() => Strings(JsonNode.Parse(Body));

    private static string Strings(JsonNode? node)
    {
        var text = new System.Text.StringBuilder();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (_, value) in o)
                    {
                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var value in a)
                    {
                        Walk(value);
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var s):
                    text.Append(s).Append('\n');
                    break;
            }
        }

        Walk(node);
        return text.ToString();
    }
}
