using Yorisoi.Text.Analysis;

namespace Yorisoi.Web.Infrastructure;

/// <summary>
/// The process's one MeCab (<see cref="MeCabAnalyzer.Shared"/>), lent to the container. A container disposes what
/// its factories create, and the shared analyser outlives any one host (the tests start many in one process), so
/// the container holds this forwarder instead. MeCab opens on the first analysis, not when the host starts.
/// </summary>
internal sealed class SharedMeCab : IMorphologicalAnalyzer
{
    public IReadOnlyList<MorphToken> Analyze(string? text) => MeCabAnalyzer.Shared.Analyze(text);

    public IReadOnlyList<MorphToken> PartsOf(MorphToken token) => MeCabAnalyzer.Shared.PartsOf(token);
}
