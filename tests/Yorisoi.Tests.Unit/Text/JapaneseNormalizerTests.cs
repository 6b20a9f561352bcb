using Yorisoi.Text;

namespace Yorisoi.Tests.Unit.Text;

public sealed class JapaneseNormalizerTests
{
    [Theory]
    [InlineData("ﾃｲｷ", "ていき")]
    [InlineData("テイキ", "ていき")]
    [InlineData("ていき", "ていき")]
    [InlineData("ｻﾌﾟﾘﾒﾝﾄ", "さぷりめんと")]
    [InlineData("ＡＢＣ　ｄｅｆ", "abcdef")]
    [InlineData("ＳＭＳ", "sms")]
    [InlineData("１２３", "123")]
    [InlineData("株式会社 テスト", "株式会社てすと")]
    [InlineData("ヴァイオリン", "ゔぁいおりん")]
    [InlineData("㈱テスト", "(株)てすと")]
    [InlineData("定期購入", "定期購入")]
    public void FoldUnifiesWidthKanaCaseAndSpacing(string input, string expected)
    {
        Assert.Equal(expected, JapaneseNormalizer.Fold(input));
    }

    [Fact]
    public void TheLongVowelMarkIsKept()
    {
        // ー is not katakana proper; folding keeps it so that "ケーキ" still matches "けーき".
        Assert.Equal("けーき", JapaneseNormalizer.Fold("ケーキ"));
        Assert.Equal("けーき", JapaneseNormalizer.Fold("ｹｰｷ"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void FoldOfNothingIsEmpty(string? input)
    {
        Assert.Equal(string.Empty, JapaneseNormalizer.Fold(input));
    }

    [Fact]
    public void StripControlCharactersKeepsLineBreaksAndTabs()
    {
        Assert.Equal("a\nb\r\nc\td", JapaneseNormalizer.StripControlCharacters("a\u0000\nb\u0007\r\nc\td\u001B\u007F\u0085\u009F"));
    }

    [Fact]
    public void StripControlCharactersLeavesCleanTextAlone()
    {
        const string text = "相談内容です。\n以上";
        Assert.Same(text, JapaneseNormalizer.StripControlCharacters(text));
    }

    [Theory]
    [InlineData("０３-1234-５６７８", "0312345678")]
    [InlineData("〒１００－０００１", "1000001")]
    [InlineData("abc", "")]
    [InlineData(null, "")]
    [InlineData("①②③", "123")]
    public void DigitsOnlyFoldsWidthAndDropsEverythingElse(string? input, string expected)
    {
        Assert.Equal(expected, JapaneseNormalizer.DigitsOnly(input));
    }

    [Fact]
    public void ContainsFoldedMatchesAcrossWidthAndKana()
    {
        Assert.True(JapaneseNormalizer.ContainsFolded("株式会社ﾃｽﾄ通販", JapaneseNormalizer.Fold("テスト")));
        Assert.False(JapaneseNormalizer.ContainsFolded("株式会社テスト通販", JapaneseNormalizer.Fold("定期")));
    }
}
