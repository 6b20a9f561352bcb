using Yorisoi.Text.Search;

namespace Yorisoi.Tests.Unit.Text;

public sealed class TextIndexTests(TextIndexFixture fixture) : IClassFixture<TextIndexFixture>
{
    private readonly TextIndex _index = fixture.Index;

    private string[] Ids(string query) => [.. _index.Search(query, 50).Hits.Select(h => h.Id).Order(StringComparer.Ordinal)];

    [Fact]
    public void AKanjiWordFindsTheCasesThatContainIt()
    {
        Assert.Equal(["c1", "c7"], Ids("解約").Intersect(["c1", "c7"]).ToArray());
        Assert.DoesNotContain("c8", Ids("解約"));
    }

    [Theory]
    [InlineData("ていき", "c1")]
    [InlineData("テイキ", "c1")]
    [InlineData("ﾃｲｷ", "c1")]
    [InlineData("かいやく", "c1")]
    [InlineData("かいやく", "c7")]
    [InlineData("ていきこうにゅう", "c1")]
    [InlineData("やねしゅうり", "c2")]
    public void AReadingInKanaFindsTheWordWrittenInKanji(string query, string expected)
    {
        Assert.Contains(expected, Ids(query));
    }

    [Fact]
    public void SynonymsWidenTheSearch()
    {
        Assert.Contains("c1", Ids("サプリ"));
        Assert.Contains("c4", Ids("スマートフォン"));
        Assert.Contains("c6", Ids("スマートフォン"));
        Assert.Contains("c2", Ids("クーリングオフ"));
        Assert.Contains("c5", Ids("定期購入"));
    }

    [Fact]
    public void TheWordTypedRanksAboveItsSynonyms()
    {
        var hits = _index.Search("定期購入").Hits;

        Assert.Equal("c1", hits[0].Id);
        Assert.Contains(hits, h => h.Id == "c5");
    }

    [Fact]
    public void WordsAreAndedByDefault()
    {
        Assert.Equal(["c1"], Ids("解約 電話"));
    }

    [Fact]
    public void OrWidensAndMinusExcludes()
    {
        Assert.Equal(["c2", "c3"], Ids("屋根 OR ハガキ"));
        Assert.Equal(["c2", "c3"], Ids("屋根 | ハガキ"));
        Assert.DoesNotContain("c1", Ids("解約 -電話"));
        Assert.Contains("c7", Ids("解約 -電話"));
        Assert.Contains("c7", Ids("解約 NOT 電話"));
    }

    [Fact]
    public void AQuotedPhraseMatchesOnlyInThatOrder()
    {
        Assert.Equal(["c3"], Ids("\"架空請求のハガキ\""));
        Assert.Equal(["c3"], Ids("「架空請求のハガキ」"));
        Assert.Empty(Ids("\"ハガキの架空請求\""));
    }

    [Fact]
    public void FieldFiltersUseTheJapaneseAliases()
    {
        Assert.Equal(["c1", "c4", "c5"], Ids("事業者:ＡＢＣ"));
        Assert.Equal(["c1", "c4", "c5"], Ids("事業者:\"ABC 株式会社\""));
        Assert.Equal(["c3"], Ids("受付番号:2026-0003"));
        Assert.Equal(["c1", "c5"], Ids("分類:健康食品"));
        Assert.Equal(["c5"], Ids("分類:健康食品 お試し"));
        Assert.Equal(["c1", "c5"], Ids("受付番号:2026-000* 分類:健康食品"));
        Assert.Equal(["c2"], Ids("概要:屋根"));
        Assert.Empty(Ids("事業者名:屋根"));
    }

    [Fact]
    public void NumberAndDateFiltersTakeRanges()
    {
        Assert.Equal(["c2", "c7"], Ids("金額:>=100000"));
        Assert.Equal(["c1", "c3"], Ids("金額:10000"));
        Assert.Equal(["c1", "c3", "c5"], Ids("金額:1万..2万"));
        Assert.Equal(["c2", "c3"], Ids("受付日:2026-04-02..2026-04-03"));
        Assert.Equal(["c4"], Ids("受付日:2026/4/4"));
    }

    [Theory]
    [InlineData("\"解約")]
    [InlineData("解約\"")]
    [InlineData("(解約")]
    [InlineData("解約)")]
    [InlineData("((((((((((((((((((((解約")]
    [InlineData(")))解約(((")]
    [InlineData("解約 +")]
    [InlineData("解約 && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /")]
    [InlineData("解約~2")]
    [InlineData("解約^10")]
    [InlineData("解約 OR")]
    [InlineData("OR 解約")]
    [InlineData("解約 -")]
    [InlineData("事業者: 解約")]
    public void BrokenSyntaxStillSearchesForTheWords(string query)
    {
        var result = _index.Search(query);

        Assert.Equal(QueryStatus.Ok, result.Status);
        Assert.Contains(result.Hits, h => h.Id == "c1");
    }

    [Theory]
    [InlineData("+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /")]
    [InlineData("。、！？…・「」")]
    [InlineData("の を に は が")]
    [InlineData("する こと もの")]
    [InlineData("\"\"")]
    [InlineData("()")]
    [InlineData("*")]
    [InlineData("OR")]
    [InlineData("NOT")]
    [InlineData("事業者:")]
    [InlineData("金額:たくさん")]
    [InlineData("受付日:昨日")]
    public void QueriesWithNothingToSearchForSaySo(string query)
    {
        var result = _index.Search(query);

        Assert.Equal(QueryStatus.NoSearchableTerms, result.Status);
        Assert.Empty(result.Hits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\t\n")]
    public void AnEmptySearchSaysItIsEmpty(string? query)
    {
        var result = _index.Search(query);

        Assert.Equal(QueryStatus.Empty, result.Status);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void AnEmptySearchCanListEverythingTheFiltersAllow()
    {
        var result = _index.Search(new SearchRequest
        {
            MatchAllWhenEmpty = true,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["center"] = ["tokyo"] },
            SortBy = "受付日",
        });

        Assert.Equal(["c7", "c5", "c2", "c1"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public void OnlyExclusionsSearchEverythingElse()
    {
        var result = _index.Search("-解約", 50);

        Assert.Equal(QueryStatus.Ok, result.Status);
        Assert.True(result.Notices.HasFlag(QueryNotices.OnlyExclusions));
        Assert.DoesNotContain(result.Hits, h => h.Id is "c1" or "c7");
        Assert.Contains(result.Hits, h => h.Id == "c2");
    }

    [Fact]
    public void ATenThousandCharacterQueryIsCutAndStillAnswers()
    {
        var query = string.Concat(Enumerable.Repeat("解約 電話 ", 1000)) + string.Concat(Enumerable.Repeat("あ", 5000));

        var result = _index.Search(query);

        Assert.Equal(QueryStatus.Ok, result.Status);
        Assert.True(result.Notices.HasFlag(QueryNotices.Truncated));
        Assert.True(result.Notices.HasFlag(QueryNotices.TooManyTerms));
        Assert.Contains(result.Hits, h => h.Id == "c1");
    }

    [Fact]
    public void AHugeWordWithoutSpacesIsCut()
    {
        var result = _index.Search(string.Concat(Enumerable.Repeat("解約", 5000)));

        Assert.Equal(QueryStatus.Ok, result.Status);
        Assert.True(result.Notices.HasFlag(QueryNotices.TermTooLong | QueryNotices.Truncated));
    }

    [Fact]
    public void ParserNoticesTellWhatWasFixed()
    {
        var parser = _index.QueryParser;

        Assert.True(parser.Parse("\"解約").Notices.HasFlag(QueryNotices.UnbalancedQuotes));
        Assert.True(parser.Parse("(解約").Notices.HasFlag(QueryNotices.UnbalancedParentheses));
        Assert.True(parser.Parse("解約)").Notices.HasFlag(QueryNotices.UnbalancedParentheses));
        Assert.True(parser.Parse("不明な欄:値").Notices.HasFlag(QueryNotices.UnknownField));
        Assert.True(parser.Parse("解約 の").Notices.HasFlag(QueryNotices.IgnoredWords));
        Assert.True(parser.Parse("金額:たくさん 解約").Notices.HasFlag(QueryNotices.InvalidFilterValue));
        Assert.Equal(QueryNotices.None, parser.Parse("解約 電話").Notices);
        Assert.False(parser.Parse("12:30 解約").Notices.HasFlag(QueryNotices.UnknownField));
    }

    [Fact]
    public void RandomInputNeverThrows()
    {
        var random = new Random(20261201);
        const string alphabet = "解約定期ていきｶｲﾔｸabc123 　\"'()（）「」+-!&|:：*?~^[]{}\\/。、・ORNOT事業者受付番号金額..<>=";
        for (var i = 0; i < 2000; i++)
        {
            var length = random.Next(0, 40);
            var query = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var result = _index.Search(query);
            Assert.True(result.Status is QueryStatus.Ok or QueryStatus.Empty or QueryStatus.NoSearchableTerms, query);
        }
    }

    [Fact]
    public void SnippetsMarkTheMatchedWordsInTheOriginalText()
    {
        var hit = _index.Search(new SearchRequest { Query = "スマートフォン 修理", Snippets = ["narrative"] }).Hits.Single(h => h.Id == "c6");

        var snippet = Assert.Single(hit.Snippets);
        const string original = "ｽﾏｰﾄﾌｫﾝの修理代金が高すぎる。見積もりと違う。";
        Assert.Equal(original, snippet.Text);
        var marked = snippet.Highlights.Select(r => snippet.Text.Substring(r.Start, r.Length)).ToList();
        Assert.Contains("ｽﾏｰﾄﾌｫﾝ", marked);
        Assert.Contains("修理", marked);
        Assert.Equal("<mark>ｽﾏｰﾄﾌｫﾝ</mark>の<mark>修理</mark>代金が高すぎる。見積もりと違う。", snippet.ToHtml());
    }

    [Fact]
    public void ReadingMatchesAreMarkedOnTheKanji()
    {
        var hit = _index.Search(new SearchRequest { Query = "かいやく", Snippets = ["narrative"] }).Hits.Single(h => h.Id == "c1");

        var snippet = Assert.Single(hit.Snippets);
        Assert.Equal(["解約"], snippet.Highlights.Select(r => snippet.Text.Substring(r.Start, r.Length)));
    }

    [Fact]
    public void KanjiNumeralsAreMarkedWhereTheyWereWritten()
    {
        var hit = _index.Search(new SearchRequest { Query = "10000円", Snippets = ["narrative"] }).Hits.Single(h => h.Id == "c3");

        var snippet = Assert.Single(hit.Snippets);
        Assert.Contains("一万円", snippet.Highlights.Select(r => snippet.Text.Substring(r.Start, r.Length)));
    }

    [Fact]
    public void LongTextsGiveFragmentsAroundTheMatches()
    {
        using var index = TextIndex.Temporary(TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer);
        var text = new string('あ', 300) + "<b>解約</b>" + new string('い', 300) + "解約" + new string('う', 300);
        index.Upsert(new Yorisoi.Text.Search.IndexDocument("x").Text("narrative", text));
        index.Refresh();

        var hit = Assert.Single(index.Search(new SearchRequest { Query = "解約", Snippets = ["narrative"], FragmentLength = 60, MaxFragments = 2 }).Hits);

        Assert.Equal(2, hit.Snippets.Count);
        Assert.All(hit.Snippets, s =>
        {
            Assert.True(s.StartsInside && s.EndsInside);
            Assert.True(s.Text.Length <= 60 + 10);
            Assert.Equal(text.Substring(s.SourceStart, s.Text.Length), s.Text);
            Assert.Equal("解約", s.Text.Substring(s.Highlights[0].Start, s.Highlights[0].Length));
        });
        Assert.Contains("&lt;b&gt;<mark>解約</mark>&lt;/b&gt;", hit.Snippets[0].ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void FacetsCountEveryMatchNotOnlyThePage()
    {
        var result = _index.Search(new SearchRequest { Query = "解約 OR 請求 OR 電話", Limit = 1, Facets = ["分類", "center"] });

        Assert.Single(result.Hits);
        var categories = result.Facets["category"].ToDictionary(f => f.Value, f => f.Count);
        Assert.Equal(result.TotalHits, categories.Values.Sum());
        Assert.Equal(2, categories["健康食品"]);
        Assert.Equal(result.TotalHits, result.Facets["center"].Sum(f => f.Count));
    }

    [Fact]
    public void CallerFiltersRestrictAndAnEmptyListAllowsNothing()
    {
        var tokyo = _index.Search(new SearchRequest { Query = "解約", Filters = new Dictionary<string, IReadOnlyList<string>> { ["center"] = ["tokyo"] } });
        var none = _index.Search(new SearchRequest { Query = "解約", Filters = new Dictionary<string, IReadOnlyList<string>> { ["center"] = [] } });

        Assert.All(tokyo.Hits, h => Assert.Equal("tokyo", TextIndexFixture.Cases.Single(c => c.Id == h.Id).Center));
        Assert.NotEmpty(tokyo.Hits);
        Assert.Empty(none.Hits);
    }

    [Fact]
    public void SortingByANumberFieldOverridesRelevance()
    {
        var result = _index.Search(new SearchRequest { Query = "解約 OR 請求", SortBy = "金額", SortDescending = true });

        var amounts = result.Hits.Select(h => TextIndexFixture.Cases.Single(c => c.Id == h.Id).Amount).ToList();
        Assert.Equal(amounts.OrderDescending(), amounts);
    }

    [Fact]
    public void PagingSkipsTheFirstHits()
    {
        var all = _index.Search(new SearchRequest { Query = "解約 OR 請求 OR 電話", Limit = 10 }).Hits.Select(h => h.Id).ToList();
        var second = _index.Search(new SearchRequest { Query = "解約 OR 請求 OR 電話", Offset = 1, Limit = 2 }).Hits.Select(h => h.Id).ToList();

        Assert.Equal(all.Skip(1).Take(2), second);
    }

    [Fact]
    public void PrefixMatchFindsWordsAndReadingsAsTheyAreTyped()
    {
        Assert.Contains(_index.Search(new SearchRequest { Query = "てい", PrefixMatch = true }).Hits, h => h.Id == "c1");
        Assert.Contains(_index.Search(new SearchRequest { Query = "ていき*" }).Hits, h => h.Id == "c1");
    }

    [Fact]
    public void MoreLikeThisFindsCasesAboutTheSameThing()
    {
        const string narrative = "母が定期購入のサプリメントを申し込んでしまった。解約の電話をしたがつながらず、困っている。";

        var similar = _index.MoreLikeThis(narrative, new MoreLikeThisRequest { Limit = 3, Snippets = ["narrative"] });

        Assert.Equal("c1", similar.Hits[0].Id);
        Assert.Contains("定期購入", similar.Terms);
        Assert.True(similar.Terms.Count <= 20);
        Assert.NotEmpty(similar.Hits[0].Snippets[0].Highlights);
    }

    [Fact]
    public void MoreLikeThisLeavesOutTheCaseItselfAndRespectsFilters()
    {
        var text = TextIndexFixture.Cases[0].Narrative;

        var similar = _index.MoreLikeThis(text, new MoreLikeThisRequest { ExcludeId = "c1", Filters = new Dictionary<string, IReadOnlyList<string>> { ["center"] = ["tokyo"] } });

        Assert.DoesNotContain(similar.Hits, h => h.Id == "c1");
        Assert.All(similar.Hits, h => Assert.Equal("tokyo", TextIndexFixture.Cases.Single(c => c.Id == h.Id).Center));
        Assert.Empty(_index.MoreLikeThis("").Hits);
        Assert.Empty(_index.MoreLikeThis("。。。").Hits);
    }
}
