using Yorisoi.Text.Search;

namespace Yorisoi.Tests.Unit.Text;

/// <summary>Queries read as everyday language (SearchRequest.AnyWord, JapaneseQueryParser.ParseNatural) and per-field weights.</summary>
public sealed class NaturalQueryTests(TextIndexFixture fixture) : IClassFixture<TextIndexFixture>
{
    private static readonly string[] OsakaCases = ["c3", "c4", "c8"];

    private List<string> Ids(string query, bool anyWord, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null) =>
        fixture.Index.Search(new SearchRequest { Query = query, AnyWord = anyWord, Filters = filters, Limit = 10 }).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void ASentenceWithoutSpacesFindsDocumentsHoldingSomeOfItsWords()
    {
        const string Sentence = "お試しで頼んだサプリが定期コースで解約金を取られそう";

        Assert.Empty(Ids(Sentence, anyWord: false));
        var ids = Ids(Sentence, anyWord: true);

        Assert.Equal("c5", ids[0]);
        Assert.Contains("c1", ids);
    }

    [Fact]
    public void DocumentsHoldingMoreOfTheWordsRankFirst()
    {
        var ids = Ids("エステ 中途解約 違約金", anyWord: true);

        Assert.Equal("c7", ids[0]);
        Assert.True(ids.Count > 1, "documents with only 解約 should still be found");
    }

    [Fact]
    public void ExclusionsAndFiltersKeepTheirMeaning()
    {
        var excluded = Ids("解約 -エステ", anyWord: true);
        var filtered = Ids("解約 電話", anyWord: true, new Dictionary<string, IReadOnlyList<string>> { ["center"] = ["osaka"] });

        Assert.NotEmpty(excluded);
        Assert.DoesNotContain("c7", excluded);
        Assert.NotEmpty(filtered);
        Assert.All(filtered, id => Assert.Contains(id, OsakaCases));
    }

    [Fact]
    public void OnlyPunctuationOrStopWordsIsStillNoSearchableTerms()
    {
        var parser = fixture.Index.QueryParser;

        Assert.Equal(QueryStatus.NoSearchableTerms, parser.ParseNatural("！？・…").Status);
        Assert.Equal(QueryStatus.NoSearchableTerms, parser.ParseNatural("の で を が").Status);
        Assert.Equal(QueryStatus.Empty, parser.ParseNatural("  ").Status);
        Assert.True(parser.ParseNatural(new string('解', 5000) + "約").IsOk);
    }

    [Fact]
    public void AFieldWithAHigherWeightRanksItsMatchFirst()
    {
        var schema = TextIndexSchema.Create().Text("title", 4f).Text("body").Build();
        using var index = TextIndex.Temporary(schema, MeCabFixture.Analyzer);
        index.Upsert(new IndexDocument("in-body").Text("title", "お知らせ").Text("body", "クーリング・オフの期間について説明します。"));
        index.Upsert(new IndexDocument("in-title").Text("title", "クーリング・オフ").Text("body", "お知らせの本文です。説明します。"));
        index.Refresh();

        Assert.Equal("in-title", index.Search("クーリング・オフ").Hits[0].Id);
        Assert.Throws<ArgumentOutOfRangeException>(() => TextIndexSchema.Create().Text("bad", 0f));
    }
}
