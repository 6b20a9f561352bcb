using Yorisoi.Text.Summaries;

namespace Yorisoi.Tests.Unit.Text.Summaries;

public sealed class SentenceSplitterTests
{
    private static List<string> Texts(string text) =>
        [.. SentenceSplitter.Split(text).Where(s => s.Kind != SentenceKind.Heading).Select(s => text.Substring(s.Start, s.Length))];

    [Fact]
    public void JapaneseFullStopsAndMarksEndSentences()
    {
        Assert.Equal(["契約した。", "解約したい！", "どうすればいい？", "本当に?!"], Texts("契約した。解約したい！どうすればいい？本当に?!"));
    }

    [Fact]
    public void LineBreaksEndSentences()
    {
        Assert.Equal(["電話があった", "契約した"], Texts("電話があった\r\n\r\n契約した\n"));
    }

    [Fact]
    public void FullStopsInsideAQuoteDoNotSplitIt()
    {
        Assert.Equal(["「今日だけです。明日は値上がりします」と言われ、契約した。", "（書面は後で送る。）とのこと。"],
            Texts("「今日だけです。明日は値上がりします」と言われ、契約した。（書面は後で送る。）とのこと。"));
    }

    [Fact]
    public void ALongQuotedAccountOfSeveralSentencesIsSplitInside()
    {
        var quote = "「先月、広告を見て申し込みました。届いた商品は思っていたものと違いました。電話は何度かけてもつながりません。"
            + "解約したいと伝えたいのですが、どうすればいいのか分かりません。家族にも相談できずに困っています。」";

        Assert.True(Texts(quote + "と話す。").Count >= 4);
    }

    [Fact]
    public void AnUnclosedQuoteDoesNotSwallowTheRestOfTheLine()
    {
        Assert.Equal(["「途中で切れた。", "次の文。"], Texts("「途中で切れた。次の文。"));
    }

    [Fact]
    public void BulletLinesAreSentencesWithoutTheirMarks()
    {
        const string text = "・浄水器を契約\n- 代金は28万円\n① 書面あり\n1. 3日前に受領\n（２）クーリング・オフ希望\n-5℃の部屋";
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(["浄水器を契約", "代金は28万円", "書面あり", "3日前に受領", "クーリング・オフ希望", "-5℃の部屋"], sentences.Select(s => text.Substring(s.Start, s.Length)));
        Assert.All(sentences.Take(5), s => Assert.Equal(SentenceKind.Bullet, s.Kind));
        Assert.Equal(SentenceKind.Sentence, sentences[5].Kind);
    }

    [Fact]
    public void HeadingsOnTheirOwnLineNameTheSectionAndAreNotSentences()
    {
        const string text = "【相談内容】\n布団を契約した。\n【経過】\n事業者に連絡した。\n■要望\n返金してほしい。";
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal([SentenceKind.Heading, SentenceKind.Sentence, SentenceKind.Heading, SentenceKind.Sentence, SentenceKind.Heading, SentenceKind.Sentence], sentences.Select(s => s.Kind));
        Assert.Equal(["相談内容", "相談内容", "経過", "経過", "要望", "要望"], sentences.Select(s => s.Section));
    }

    [Fact]
    public void AHeadingAtTheStartOfALineIsSeparatedFromTheTextAfterIt()
    {
        const string text = "［来所］相談者が契約書を持参。";
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(SentenceKind.Heading, sentences[0].Kind);
        Assert.Equal("相談者が契約書を持参。", text.Substring(sentences[1].Start, sentences[1].Length));
        Assert.Equal("来所", sentences[1].Section);
    }

    [Fact]
    public void HalfWidthKatakanaAndItsHalfWidthFullStopSplit()
    {
        Assert.Equal(["ｹｲﾔｸｼﾀ｡", "｢ｶｲﾔｸ｡ﾃﾞｷﾅｲ｣ﾄｲﾜﾚﾀ｡"], Texts("ｹｲﾔｸｼﾀ｡｢ｶｲﾔｸ｡ﾃﾞｷﾅｲ｣ﾄｲﾜﾚﾀ｡"));
    }

    [Fact]
    public void AFullWidthDecimalPointDoesNotEndASentence()
    {
        Assert.Equal(["代金は３．５万円で、１２月１日に払った。", "返金希望。"], Texts("代金は３．５万円で、１２月１日に払った。返金希望。"));
    }

    [Fact]
    public void ALongSentenceWithoutFullStopsIsCutAtItsClauseBoundaries()
    {
        var text = string.Concat(Enumerable.Repeat("知らない番号から電話があり料金が安くなると言われて話を聞いていたが、", 8)) + "解約したい";
        var pieces = Texts(text);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, SentenceSplitter.DefaultMaxLength));
        Assert.All(pieces[..^1], p => Assert.EndsWith("、", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void EnglishSplitsAtFullStopsFollowedByASpaceButNotInsideNumbersOrAbbreviations()
    {
        Assert.Equal(["I paid 3.5 dollars to Mr. Smith at example.com.", "The seller vanished!", "Can I get it back?"],
            Texts("I paid 3.5 dollars to Mr. Smith at example.com. The seller vanished! Can I get it back?"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t　\r\n")]
    public void NothingToSplitGivesNoSentences(string? text)
    {
        Assert.Empty(SentenceSplitter.Split(text));
    }

    [Fact]
    public void OffsetsPointIntoTheTextWithoutSurroundingSpace()
    {
        const string text = "  相談者来所。　\n\n  契約書を確認した。  ";
        Assert.Equal(["相談者来所。", "契約書を確認した。"], Texts(text));
    }
}
