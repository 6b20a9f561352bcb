using Yorisoi.Text.Analysis;

namespace Yorisoi.Tests.Unit.Text;

public sealed class DataListTests
{
    [Fact]
    public void TheSynonymListHasTheConsumerAffairsGroups()
    {
        var synonyms = SynonymList.Default;

        Assert.True(synonyms.GroupCount >= 150, $"{synonyms.GroupCount} groups");
        Assert.Contains("サプリメント", synonyms.SynonymsOf("サプリ"));
        Assert.Contains("クーリング・オフ", synonyms.SynonymsOf("クーリングオフ"));
        Assert.Contains("携帯電話", synonyms.SynonymsOf("携帯"));
        Assert.Contains("スマートフォン", synonyms.SynonymsOf("携帯"));
        Assert.Contains("定期購入", synonyms.SynonymsOf("定期コース"));
        Assert.Contains("通信販売", synonyms.SynonymsOf("ネット通販"));
        Assert.DoesNotContain("サプリ", synonyms.SynonymsOf("サプリ"));
    }

    [Fact]
    public void SynonymsAreFoundWhateverTheWidthOrKana()
    {
        Assert.Contains("サプリメント", SynonymList.Default.SynonymsOf("ｻﾌﾟﾘ"));
        Assert.Contains("サプリメント", SynonymList.Default.SynonymsOf("さぷり"));
        Assert.Empty(SynonymList.Default.SynonymsOf("存在しない言葉"));
        Assert.Empty(SynonymList.Default.SynonymsOf(""));
    }

    [Fact]
    public void ExplicitMappingsRewriteOneWay()
    {
        var list = SynonymList.Parse(new StringReader("# comment\nスマホ, 携帯電話\nｹｰﾀｲ, ガラケー => 携帯電話\n"));

        Assert.Equal(["携帯電話"], list.SynonymsOf("ガラケー"));
        Assert.DoesNotContain("ガラケー", list.SynonymsOf("携帯電話"));
        Assert.Equal(2, list.GroupCount);
    }

    [Fact]
    public void UserTermsHaveReadingsInKatakana()
    {
        var terms = UserTermList.Default;

        Assert.True(terms.Count >= 100, $"{terms.Count} terms");
        Assert.All(terms.Entries, e => Assert.True(e.Reading is { Length: > 0 } r && r.All(c => c is >= '\u30A0' and <= '\u30FF'), e.Surface));
        Assert.True(terms.TryGet("クーリング・オフ", out var entry));
        Assert.Equal("クーリングオフ", entry.Reading);
    }

    [Fact]
    public void AMalformedUserTermLineIsReportedWithItsNumber()
    {
        var error = Assert.Throws<FormatException>(() => UserTermList.Parse(new StringReader("# x\n定期購入,1285,1285\n")));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
