using Yorisoi.Tests.Evaluation;
using Yorisoi.Text.Summaries;

namespace Yorisoi.Tests.Unit.Text.Summaries;

public sealed class ExtractiveSummarizerTests
{
    private static readonly ExtractiveSummarizer Summarizer = new(MeCabFixture.Analyzer);

    private static readonly SummaryOptions[] Budgets = [SummaryOptions.OneLine, SummaryOptions.Header, SummaryOptions.HandOver];

    private const string Filler = "相談者は近所の人にも話したが、よく分からないと言われたという。";

    [Fact]
    public void TheBudgetIsNeverExceeded()
    {
        foreach (var item in SummarySet.Cases())
        {
            foreach (var options in Budgets)
            {
                var summary = Summarizer.Summarize(item.Narrative, item.Log, options);
                Assert.InRange(summary.Text.Length, 1, options.MaxCharacters);
            }
        }
    }

    [Fact]
    public void SentencesKeepTheOrderTheyWereWrittenIn()
    {
        foreach (var item in SummarySet.Cases())
        {
            var sentences = Summarizer.Summarize(item.Narrative, item.Log, SummaryOptions.HandOver).Sentences;
            var positions = sentences.Select(s => (Entry: s.LogEntry ?? -1, s.Start)).ToList();

            Assert.Equal(positions.OrderBy(p => p.Entry).ThenBy(p => p.Start), positions);
        }
    }

    [Fact]
    public void EverySentenceIsTextOfTheInputAsWritten()
    {
        foreach (var item in SummarySet.Cases())
        {
            foreach (var sentence in Summarizer.Summarize(item.Narrative, item.Log, SummaryOptions.Header).Sentences)
            {
                var source = sentence.LogEntry is { } entry ? item.Log[entry] : item.Narrative;
                var kept = sentence.IsCut ? sentence.Text[..^1] : sentence.Text;
                Assert.Equal(source.Substring(sentence.Start, sentence.Length), kept);
            }
        }
    }

    [Fact]
    public void AFirstSentenceLongerThanTheBudgetIsCutAtAClauseBoundaryWithAnEllipsis()
    {
        const string narrative = "令和６年５月１０日に自宅を訪ねてきた男性から屋根の瓦がずれていて雨漏りすると言われ、"
            + "その場で屋根の修理工事を代金８５万円で契約したが、高すぎるので契約をやめたい。";

        var summary = Summarizer.Summarize(narrative, null, SummaryOptions.OneLine);

        var sentence = Assert.Single(summary.Sentences);
        Assert.True(sentence.IsCut);
        Assert.EndsWith("…", sentence.Text, StringComparison.Ordinal);
        Assert.InRange(sentence.Text.Length, 16, SummaryOptions.OneLine.MaxCharacters);
        Assert.Equal('、', narrative[sentence.Start + sentence.Length]);
    }

    [Fact]
    public void ALongSentenceWithoutCommasIsCutBetweenWords()
    {
        const string narrative = "母のスマホに知らない番号から電話があり電気料金が安くなるプランに切り替えませんかと言われて電力会社の関係の人だと思って話を聞いているうちに切り替えることになってしまった";
        var tokenEnds = MeCabFixture.Analyzer.Analyze(narrative).Select(t => t.End).ToHashSet();

        var sentence = Assert.Single(Summarizer.Summarize(narrative, null, SummaryOptions.OneLine).Sentences);

        Assert.True(sentence.IsCut);
        Assert.Contains(sentence.Start + sentence.Length, tokenEnds);
    }

    [Fact]
    public void NearIdenticalSentencesAreNotBothChosen()
    {
        const string narrative = "ネット通販で財布を注文し、代金8,000円を振り込んだが届かない。"
            + "ネット通販で財布を注文して、代金8,000円を振り込んだが、届かない。"
            + "販売サイトの電話番号は使われていない。返金してほしい。";

        var texts = Summarizer.Summarize(narrative, null, SummaryOptions.HandOver).Sentences.Select(s => s.Text).ToList();

        Assert.Single(texts, t => t.Contains("8,000円", StringComparison.Ordinal));
    }

    [Fact]
    public void ARequestInTheLastSentenceIsKept()
    {
        var narrative = "相談者は70代の女性で、一人暮らし。先月、自宅に業者が来て、床下の点検をすると言われた。"
            + Filler + "点検の後、床下が湿っているので換気扇と防湿シートが必要と言われた。" + Filler.Replace("近所", "娘", StringComparison.Ordinal)
            + "見積書はもらっておらず、口頭で説明を受けただけである。契約した工事をやめて、払ったお金を返してほしい。";

        var summary = Summarizer.Summarize(narrative, null, SummaryOptions.Header);

        Assert.EndsWith("払ったお金を返してほしい。", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AHandlingLogEntryWithAResultIsKept()
    {
        const string narrative = "インターネットで注文したスーツケースが壊れて届いた。販売店に交換を求めたが応じてもらえない。交換か返金を希望。";
        string[] log =
        [
            "販売店に電話したが不在。",
            "販売店に電話し、商品の状態を伝えた。",
            "販売店が全額返金に応じ、解決した。",
            "相談者に連絡したが留守。",
        ];

        var summary = Summarizer.Summarize(narrative, log, SummaryOptions.Header);

        Assert.Contains(summary.Sentences, s => s.Source == SummarySource.HandlingLog && s.LogEntry == 2);
    }

    [Fact]
    public void AHandlingLogAloneIsSummarised()
    {
        var summary = Summarizer.Summarize(null, ["事業者に連絡した。", "事業者が返金に応じた。"], SummaryOptions.OneLine);

        Assert.Contains(summary.Sentences, s => s.LogEntry == 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n　\t")]
    public void NothingToSummariseGivesAnEmptySummary(string? narrative)
    {
        var summary = Summarizer.Summarize(narrative, [string.Empty, "  "], SummaryOptions.Header);

        Assert.True(summary.IsEmpty);
        Assert.Empty(summary.Text);
        Assert.Empty(summary.KeyTerms);
    }

    [Fact]
    public void EnglishTextIsSummarisedInWholeSentences()
    {
        const string narrative = "I ordered a vacuum cleaner online for 25,000 yen. It never arrived. The shop does not answer e-mails. "
            + "The website looks like a copy of a real shop. I would like to get a refund.";

        var summary = Summarizer.Summarize(narrative, null, SummaryOptions.OneLine);

        Assert.InRange(summary.Text.Length, 1, 80);
        Assert.All(summary.Sentences, s => Assert.False(s.IsCut));
        Assert.All(summary.Sentences, s => Assert.EndsWith(".", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void HalfWidthKatakanaIsSummarisedAsWritten()
    {
        const string narrative = "ｲﾝﾀｰﾈｯﾄﾃﾞｻﾌﾟﾘﾒﾝﾄｦ注文した｡ﾃｲｷｺｳﾆｭｳﾀﾞｯﾀ｡代金は9,800円｡ｶｲﾔｸｼﾀｲ｡";

        var summary = Summarizer.Summarize(narrative, null, SummaryOptions.Header);

        Assert.Equal(narrative, summary.Text);
        Assert.Contains("9,800円", summary.KeyTerms);
    }

    [Fact]
    public void TenThousandCharactersStayWithinTheBudget()
    {
        var narrative = string.Concat(SummarySet.Cases().Select(c => c.Narrative + "\n"));
        while (narrative.Length < 10_000)
        {
            narrative += narrative;
        }

        narrative = narrative[..10_000];
        var log = Enumerable.Range(0, 50).Select(i => $"第{i + 1}回の連絡。事業者は検討中と回答。").ToList();

        foreach (var options in Budgets)
        {
            var summary = Summarizer.Summarize(narrative, log, options);
            Assert.InRange(summary.Text.Length, 1, options.MaxCharacters);
        }

        var unpunctuated = new string('あ', 10_000);
        Assert.InRange(Summarizer.Summarize(unpunctuated, null, SummaryOptions.Header).Text.Length, 1, 200);
    }

    [Fact]
    public void KeyTermsAreSpelledAsInTheChosenSentences()
    {
        var item = SummarySet.Cases()[0];
        var summary = Summarizer.Summarize(item.Narrative, item.Log, SummaryOptions.Header);

        Assert.NotEmpty(summary.KeyTerms);
        Assert.All(summary.KeyTerms, term => Assert.Contains(term, summary.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameCaseGivesTheSameSummaryOnEveryThread()
    {
        var cases = SummarySet.Cases();
        var expected = cases.Select(c => Summarizer.Summarize(c.Narrative, c.Log, SummaryOptions.Header).Text).ToList();
        var actual = new string[cases.Count * 4];

        Parallel.For(0, actual.Length, i => actual[i] = Summarizer.Summarize(cases[i % cases.Count].Narrative, cases[i % cases.Count].Log, SummaryOptions.Header).Text);

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % cases.Count], actual[i]);
        }
    }
}
