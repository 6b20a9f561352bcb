using Yorisoi.Text.Analysis;

namespace Yorisoi.Tests.Unit.Text;

public sealed class AnalysisMemoTests
{
    [Fact]
    public void KeepsOnlyWhatWasAnalysedWhileRecordingAndForgetsItOnTheNextRecording()
    {
        var counting = new CountingAnalyzer();
        var memo = new AnalysisMemo(counting);
        using (memo.Record())
        {
            memo.Analyze("定期購入の解約");
        }

        memo.Analyze("定期購入の解約");
        memo.Analyze("架空請求のはがき");
        memo.Analyze("架空請求のはがき");
        Assert.Equal(3, counting.Calls);
        Assert.Equal(1, memo.Count);
        Assert.Equal(MeCabFixture.Analyzer.Analyze("定期購入の解約"), memo.Analyze("定期購入の解約"));

        using (memo.Record())
        {
            memo.Analyze("架空請求のはがき");
        }

        memo.Analyze("定期購入の解約");
        Assert.Equal(5, counting.Calls);
        Assert.Equal(1, memo.Count);
    }

    private sealed class CountingAnalyzer : IMorphologicalAnalyzer
    {
        public int Calls { get; private set; }

        public IReadOnlyList<MorphToken> Analyze(string? text)
        {
            Calls++;
            return MeCabFixture.Analyzer.Analyze(text);
        }

        public IReadOnlyList<MorphToken> PartsOf(MorphToken token) => MeCabFixture.Analyzer.PartsOf(token);
    }
}
