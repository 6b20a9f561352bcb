using Yorisoi.Text.Search;

namespace Yorisoi.Tests.Unit.Text;

public sealed class ReadingSuggesterTests
{
    private static readonly ReadingSuggester Suggester = new(
        [
            new SuggestionItem("K01", "定期購入", ["サブスク", "定期コース"]),
            new SuggestionItem("P11", "健康食品", ["サプリ", "サプリメント"]),
            new SuggestionItem("P20", "定期預金", []),
            new SuggestionItem("P31", "携帯電話", ["スマホ", "スマートフォン"]),
            new SuggestionItem("S05", "家庭教師", []),
        ],
        MeCabFixture.Analyzer);

    [Fact]
    public void TypingAReadingOffersTheWordsThatReadThatWay()
    {
        var codes = Suggester.Suggest("ていき").Select(s => s.Item.Code).ToList();

        Assert.Equal(["K01", "P20"], codes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("テイキ", "K01")]
    [InlineData("ﾃｲｷ", "K01")]
    [InlineData("定期", "K01")]
    [InlineData("こうにゅう", "K01")]
    [InlineData("さぷり", "P11")]
    [InlineData("けんこう", "P11")]
    [InlineData("すまほ", "P31")]
    [InlineData("けいたい", "P31")]
    [InlineData("p3", "P31")]
    [InlineData("かてい", "S05")]
    public void NamesSynonymsReadingsAndCodesAreAllMatched(string input, string code)
    {
        Assert.Contains(Suggester.Suggest(input), s => s.Item.Code == code);
    }

    [Fact]
    public void AMatchAtTheStartRanksAboveOneInside()
    {
        var suggestions = Suggester.Suggest("こうにゅう");

        Assert.Equal("K01", suggestions[0].Item.Code);
        Assert.Equal("定期購入", suggestions[0].MatchedText);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("ぬ")]
    public void NothingOrNoMatchGivesNothing(string? input)
    {
        Assert.Empty(Suggester.Suggest(input));
    }
}
