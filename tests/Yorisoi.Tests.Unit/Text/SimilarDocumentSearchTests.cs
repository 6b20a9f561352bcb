using Yorisoi.Text.Search;

namespace Yorisoi.Tests.Unit.Text;

/// <summary>
/// The bounds a similar-case query takes on a large index (<see cref="MoreLikeThisRequest.Fields"/>,
/// <see cref="MoreLikeThisRequest.CommonTermShare"/>) and that cutting snippets on several cores keeps each hit's own.
/// </summary>
public sealed class SimilarDocumentSearchTests : IDisposable
{
    private const string Narrative = "narrative";
    private const string Log = "log";

    private readonly TextIndex _index;

    public SimilarDocumentSearchTests()
    {
        var schema = TextIndexSchema.Create().Text(Narrative, "概要").Text(Log, "処理経過").Keyword("center", facet: false, key: null).Build();
        _index = TextIndex.Temporary(schema, MeCabFixture.Analyzer);
        for (var i = 0; i < 30; i++)
        {
            _index.Upsert(new IndexDocument($"common{i:D2}").Text(Narrative, $"電話で契約の話をされた。{i}回目の相談。").Keyword("center", "tokyo"));
        }

        _index.Upsert(new IndexDocument("all").Text(Narrative, "給湯器と換気扇の点検に来た業者に電話で契約させられた。").Keyword("center", "tokyo"));
        _index.Upsert(new IndexDocument("rare").Text(Narrative, "給湯器と換気扇の点検に来た業者がいた。").Keyword("center", "tokyo"));
        _index.Upsert(new IndexDocument("log1").Text(Narrative, "屋根の修理を頼んだ。").Text(Log, "床下換気扇の工事を勧められたと聞き取り。").Keyword("center", "tokyo"));
        _index.Upsert(new IndexDocument("log2").Text(Narrative, "雨どいの修理を頼んだ。").Text(Log, "床下換気扇の工事の見積もりを確認。").Keyword("center", "tokyo"));
        _index.Refresh();
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public void NamingTheNarrativeLeavesOutCasesThatShareTheWordsOnlyInTheirLog()
    {
        const string text = "床下換気扇の工事を勧められた。";

        var everyField = _index.MoreLikeThis(text, new MoreLikeThisRequest { Limit = 50 });
        var narrativeOnly = _index.MoreLikeThis(text, new MoreLikeThisRequest { Limit = 50, Fields = [Narrative] });

        Assert.Contains(everyField.Hits, h => h.Id == "log1");
        Assert.Contains(everyField.Hits, h => h.Id == "log2");
        Assert.DoesNotContain(narrativeOnly.Hits, h => h.Id.StartsWith(Log, StringComparison.Ordinal));
    }

    [Fact]
    public void CommonWordsStillAddToTheScoreButNoLongerMakeCandidates()
    {
        const string text = "給湯器と換気扇の点検に来た業者に電話で契約させられた。";

        var full = _index.MoreLikeThis(text, new MoreLikeThisRequest { Limit = 50 });
        var bounded = _index.MoreLikeThis(text, new MoreLikeThisRequest { Limit = 50, CommonTermShare = 0.2 });

        Assert.Contains(full.Hits, h => h.Id.StartsWith("common", StringComparison.Ordinal));
        Assert.Equal(["all", "rare"], bounded.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal(full.Terms, bounded.Terms);
        Assert.Contains("電話", bounded.Terms);

        // The candidates score exactly as in the full query, common words included.
        foreach (var hit in bounded.Hits)
        {
            Assert.Equal(full.Hits.Single(h => h.Id == hit.Id).Score, hit.Score, 4);
        }
    }

    [Fact]
    public void ATextOfCommonWordsAloneStillFindsTheCasesThatShareThem()
    {
        var bounded = _index.MoreLikeThis("電話で契約の話をされた。", new MoreLikeThisRequest { Limit = 50, CommonTermShare = 0.2, Filters = new Dictionary<string, IReadOnlyList<string>> { ["center"] = ["tokyo"] } });

        Assert.Equal(31, bounded.Hits.Count(h => h.Id.StartsWith("common", StringComparison.Ordinal) || h.Id == "all"));
    }

    [Fact]
    public void EveryHitKeepsItsOwnSnippet()
    {
        var result = _index.Search(new SearchRequest { Query = "電話", Limit = 40, Snippets = [Narrative], MaxFragments = 1 });
        var similar = _index.MoreLikeThis("電話で契約の話をされた。7回目の相談。", new MoreLikeThisRequest { Limit = 40, Snippets = [Narrative] });

        Assert.Equal(31, result.Hits.Count);
        foreach (var hit in result.Hits.Concat(similar.Hits))
        {
            var stored = hit.Id switch
            {
                "all" => "給湯器と換気扇の点検に来た業者に電話で契約させられた。",
                _ => $"電話で契約の話をされた。{int.Parse(hit.Id[^2..], System.Globalization.CultureInfo.InvariantCulture)}回目の相談。",
            };
            Assert.Equal(stored, Assert.Single(hit.Snippets).Text);
        }
    }

    [Fact]
    public void SnippetsForChosenIdsMarkTheQueryWordsWithoutSearching()
    {
        var request = new SearchRequest { Query = "換気扇の工事を勧められた", AnyWord = true, Snippets = [Narrative, Log], MaxFragments = 1 };

        var snippets = _index.Snippets(request, ["log1", "rare", "no-such-case"]);

        Assert.Equal(["log1", "rare"], snippets.Keys.Order(StringComparer.Ordinal));
        var log = Assert.Single(snippets["log1"], s => s.Field == Log);
        Assert.NotEmpty(log.Highlights);
        Assert.All(log.Highlights, h => Assert.Contains(log.Text.Substring(h.Start, h.Length), request.Query, StringComparison.Ordinal));
        Assert.Contains(snippets["rare"], s => s.Field == Narrative && s.Highlights.Count > 0);
        Assert.Empty(_index.Snippets(new SearchRequest { Query = "、。", AnyWord = true, Snippets = [Narrative] }, ["log1"]));
    }
}
