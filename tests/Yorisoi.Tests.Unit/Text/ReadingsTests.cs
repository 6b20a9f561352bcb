using Yorisoi.Text.Analysis;

namespace Yorisoi.Tests.Unit.Text;

public sealed class ReadingsTests
{
    [Theory]
    [InlineData("定期購入", "ていきこうにゅう")]
    [InlineData("解約", "かいやく")]
    [InlineData("ｻﾌﾟﾘ", "さぷり")]
    [InlineData("ABC社", "abcしゃ")]
    [InlineData("", "")]
    public void TheReadingOfATextIsHiragana(string text, string expected)
    {
        Assert.Equal(expected, Readings.Of(MeCabFixture.Analyzer, text));
    }

    [Fact]
    public void TheRecentTextCacheAnswersRepeatsAndOnlyRepeats()
    {
        var counting = new CountingAnalyzer(MeCabFixture.Analyzer);
        var cache = new RecentTextCache(counting);

        var first = cache.Analyze("定期購入の解約");
        var again = cache.Analyze(new string("定期購入の解約".ToCharArray()));
        var other = cache.Analyze("架空請求");

        Assert.Same(first, again);
        Assert.Equal(["架空請求"], other.Select(t => t.Surface));
        Assert.Equal(2, counting.Calls);
        Assert.Equal(["定期購入", "の", "解約"], new RecentTextCache(counting).Analyze("定期購入の解約").Select(t => t.Surface));
        Assert.Equal(3, counting.Calls);
    }

    [Fact]
    public void TheRecentTextCacheRemembersEveryValueOfAFieldButNotMoreThanItsCapacity()
    {
        // A field's values (handling log entries) are all analysed for base forms, then all again for readings.
        var counting = new CountingAnalyzer(MeCabFixture.Analyzer);
        var cache = new RecentTextCache(counting);
        var entries = Enumerable.Range(0, 10).Select(i => $"{i}回目の電話で解約を申し出た").ToList();

        entries.ForEach(e => cache.Analyze(e));
        entries.ForEach(e => cache.Analyze(e));
        Assert.Equal(10, counting.Calls);

        var many = Enumerable.Range(0, RecentTextCache.Capacity + 1).Select(i => $"相談{i}件目").ToList();
        many.ForEach(e => cache.Analyze(e));
        cache.Analyze(many[0]);
        Assert.Equal(10 + RecentTextCache.Capacity + 2, counting.Calls);
    }

    private sealed class CountingAnalyzer(IMorphologicalAnalyzer inner) : IMorphologicalAnalyzer
    {
        public int Calls { get; private set; }

        public IReadOnlyList<MorphToken> Analyze(string? text)
        {
            Calls++;
            return inner.Analyze(text);
        }
    }
}
