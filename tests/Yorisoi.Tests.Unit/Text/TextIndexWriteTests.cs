using Yorisoi.Text.Search;

namespace Yorisoi.Tests.Unit.Text;

public sealed class TextIndexWriteTests
{
    [Fact]
    public void UpsertReplacesAndDeleteRemovesAfterRefresh()
    {
        using var index = TextIndex.Temporary(TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer);
        index.Upsert(new IndexDocument("a").Text("narrative", "屋根の修理"));
        Assert.Equal(0, index.Count);

        index.Refresh();
        Assert.Single(index.Search("屋根").Hits);

        index.Upsert(new IndexDocument("a").Text("narrative", "給湯器の交換"));
        index.Refresh();
        Assert.Empty(index.Search("屋根").Hits);
        Assert.Single(index.Search("給湯器").Hits);
        Assert.Equal(1, index.Count);

        index.Delete("a");
        index.Refresh();
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void AOneCharacterQueryFindsTheCharacterAnywhereAndMarksIt()
    {
        using var index = TextIndex.Temporary(TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer);
        index.Upsert(new IndexDocument("middle").Text("narrative", "自動車を買った"));
        index.Upsert(new IndexDocument("end").Text("narrative", "中古の自動車。"));
        index.Upsert(new IndexDocument("start").Text("narrative", "車検の費用が高い"));
        index.Upsert(new IndexDocument("alone").Text("narrative", "車、バイク"));
        index.Upsert(new IndexDocument("wide").Text("narrative", "ｶｰ用品と電車"));
        index.Upsert(new IndexDocument("other").Text("narrative", "屋根の修理"));
        index.Refresh();

        var result = index.Search(new SearchRequest { Query = "車", Limit = 10, Snippets = ["narrative"] });

        Assert.Equal(["alone", "end", "middle", "start", "wide"], result.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        foreach (var hit in result.Hits)
        {
            var snippet = Assert.Single(hit.Snippets);
            // The character itself, or the whole word MeCab found it in (自動車, whose parts are indexed with its offsets).
            Assert.All(snippet.Highlights, h => Assert.Contains("車", snippet.Text.Substring(h.Start, h.Length), StringComparison.Ordinal));
            Assert.NotEmpty(snippet.Highlights);
        }
    }

    [Theory]
    [InlineData("8日", "8日以内なら解約できる")]
    [InlineData("8日", "今日で8日。")]
    [InlineData("3年", "3年前に契約した")]
    [InlineData("ABC車", "ABC車を買った")]
    [InlineData("車3", "自動車3台の見積り")]
    public void ALoneKanjiBesideOtherTokensMatchesAsTheStartOfABigram(string query, string text)
    {
        using var index = TextIndex.Temporary(TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer);
        index.Upsert(new IndexDocument("a").Text("narrative", text));
        index.Upsert(new IndexDocument("b").Text("narrative", "屋根の修理を頼んだ"));
        index.Refresh();

        var recallOnly = index.QueryParser.Parse(query).Query!.ToString();
        Assert.Contains("SpanNear", recallOnly, StringComparison.Ordinal);
        Assert.Equal(["a"], index.Search(query).Hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void UpsertManyIndexesEveryDocumentOnceOnEveryThread(int threads)
    {
        using var index = TextIndex.Temporary(TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer);
        var documents = Enumerable.Range(0, 250).Select(i => new IndexDocument($"d{i}").Text("narrative", $"屋根の修理 番号{i}")).ToList();

        index.UpsertMany(documents, threads);
        index.UpsertMany(documents.Take(10).ToList(), threads);
        index.Refresh();

        Assert.Equal(250, index.Count);
        Assert.Equal(250, index.Search("屋根", limit: 1000).TotalHits);
    }

    [Fact]
    public void UpsertManyThrowsWhatADocumentThrowsAndStops()
    {
        using var index = TextIndex.Temporary(TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer);
        var documents = Enumerable.Range(0, 100).Select(i => new IndexDocument($"d{i}").Text(i == 3 ? "no-such-field" : "narrative", "屋根の修理")).ToList();

        var error = Assert.Throws<ArgumentException>(() => index.UpsertMany(documents, threads: 2));

        Assert.Contains("no-such-field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndexOnDiskIsThereAfterReopening()
    {
        var path = Path.Combine(Path.GetTempPath(), "yorisoi-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = TextIndex.Open(path, TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer))
            {
                index.Upsert(new IndexDocument("a").Text("narrative", "架空請求のハガキ"));
                index.Commit();
            }

            using var reopened = TextIndex.Open(path, TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer);
            Assert.Equal("a", Assert.Single(reopened.Search("かくうせいきゅう").Hits).Id);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public async Task SearchesRunWhileTheWriterAddsAndCommits()
    {
        using var index = TextIndex.Temporary(TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer);
        const int total = 300;
        using var done = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < total; i++)
            {
                index.Upsert(new IndexDocument($"d{i}").Text("narrative", $"定期購入のサプリを解約したい。番号{i}").Keyword("center", i % 2 == 0 ? "tokyo" : "osaka"));
                if (i % 50 == 49)
                {
                    index.Commit();
                    index.Refresh();
                }
            }

            index.Commit();
            index.Refresh();
        });

        var seen = new List<int>();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var counts = new List<int>();
            while (!writer.IsCompleted)
            {
                var result = index.Search(new SearchRequest { Query = "かいやく", Limit = 5, Facets = ["center"] });
                Assert.Equal(QueryStatus.Ok, result.Status);
                counts.Add(result.TotalHits);
            }

            return counts;
        })).ToList();

        await writer;
        foreach (var reader in readers)
        {
            var counts = await reader;
            Assert.Equal(counts.Order(), counts);
            seen.AddRange(counts);
        }

        Assert.Equal(total, index.Search("かいやく").TotalHits);
        Assert.All(seen, c => Assert.InRange(c, 0, total));
    }

    [Fact]
    public void ParallelIndexingGivesTheSameTokensAsSequential()
    {
        var schema = TextIndexFixture.CaseSchema();
        using var sequential = TextIndex.Temporary(schema, MeCabFixture.Analyzer);
        using var parallel = TextIndex.Temporary(schema, MeCabFixture.Analyzer);
        var documents = Enumerable.Range(0, 200).Select(i => TextIndexFixture.Cases[i % TextIndexFixture.Cases.Length] with { Id = $"p{i}" }).ToList();

        foreach (var document in documents)
        {
            sequential.Upsert(TextIndexFixture.ToDocument(document));
        }

        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, d => parallel.Upsert(TextIndexFixture.ToDocument(d)));
        sequential.Refresh();
        parallel.Refresh();

        foreach (var query in new[] { "かいやく", "定期購入", "スマホ", "事業者:ABC", "\"架空請求のハガキ\"", "ていき*" })
        {
            Assert.Equal(
                sequential.Search(query, 1000).Hits.Select(h => h.Id).Order(StringComparer.Ordinal),
                parallel.Search(query, 1000).Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void FiltersOnAFieldThatIsNotAKeywordAreRefused()
    {
        using var index = TextIndex.Temporary(TextIndexFixture.CaseSchema(), MeCabFixture.Analyzer);

        Assert.Throws<ArgumentException>(() => index.Search(new SearchRequest { Query = "解約", Filters = new Dictionary<string, IReadOnlyList<string>> { ["narrative"] = ["x"] } }));
    }
}
