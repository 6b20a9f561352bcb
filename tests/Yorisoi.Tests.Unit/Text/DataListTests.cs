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

    [Fact]
    public void TheSituationListNamesTheLawOfEverydayExpressions()
    {
        var situations = SituationList.Default;

        Assert.True(situations.GroupCount >= 15, $"{situations.GroupCount} groups");
        Assert.Contains("断定的判断", situations.TermsOf("営業の人に「金は必ず上がる」と言われて買った"));
        Assert.Contains("不退去", situations.TermsOf("何度断っても帰ってくれなかった"));
        Assert.Contains("割賦販売法", situations.TermsOf("ﾏｯｻｰｼﾞ器を５日前に契約（ｸﾚｼﾞｯﾄ）"));
        Assert.Empty(situations.TermsOf("今日は天気がよい"));
        Assert.Empty(situations.TermsOf(null));
    }

    [Fact]
    public void SituationExpressionsMatchLongestFirstAndTermsComeOnce()
    {
        var list = SituationList.Parse(new StringReader("# comment\nローン, クレジット => 割賦販売法, 抗弁の接続\n学生ローン, 消費者金融 => 多重債務\n"));

        Assert.Equal(["多重債務"], list.TermsOf("学生ローンで借りた"));
        Assert.Equal(["割賦販売法", "抗弁の接続", "多重債務"], list.TermsOf("ろーんで買い、クレジットも使い、消費者金融でも借りた"));
        Assert.Equal(2, list.GroupCount);
    }

    [Fact]
    public void ASituationLineWithoutTermsIsReportedWithItsNumber()
    {
        var error = Assert.Throws<FormatException>(() => SituationList.Parse(new StringReader("# x\n必ず上がる, 元本保証\n")));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
