using Yorisoi.Text.Search;

namespace Yorisoi.Tests.Unit.Text;

/// <summary>
/// Searching a large index's segments on several cores (<see cref="TextIndexOptions.ParallelSearchFromDocuments"/>)
/// answers exactly as one thread does: the same hits in the same order with the same scores, totals and facet counts,
/// ties included, whatever the sort, page or filter. Two indexes built the same way, in several segments, one searched
/// in slices and one not.
/// </summary>
public sealed class ParallelSearchTests : IDisposable
{
    private static readonly TextIndexSchema Schema = TextIndexSchema.Create()
        .Text("narrative", "概要")
        .Keyword("center", facet: true, key: null, "センター")
        .Keyword("product", facet: true, key: null, "商品")
        .Date("received", "受付日")
        .Build();

    private static readonly string[] Texts =
    [
        "定期購入のサプリを解約したいが電話がつながらない。",
        "お試し価格のはずが定期購入になっていた。解約料を請求された。",
        "屋根の無料点検に来た業者に高額な工事を契約させられた。",
        "身に覚えのない料金の請求メールが届いた。",
        "電話で光回線の勧誘を受け、断ったのに契約になっていた。",
        "副業の情報商材を買ったが稼げない。返金してほしい。",
        "定期購入のサプリを解約したいが電話がつながらない。",
    ];

    private readonly TextIndex _sliced = Build(parallelFrom: 0);
    private readonly TextIndex _single = Build(parallelFrom: int.MaxValue);

    public void Dispose()
    {
        _sliced.Dispose();
        _single.Dispose();
    }

    public static TheoryData<string> Queries => ["定期購入", "解約 電話", "ていき", "請求 OR 勧誘", "契約 -屋根", "\"定期購入\"", "サプリ"];

    [Theory]
    [MemberData(nameof(Queries))]
    public void SlicesAnswerAsOneThreadDoes(string query)
    {
        foreach (var request in new[]
                 {
                     new SearchRequest { Query = query, Limit = 20, Facets = ["center", "product"] },
                     new SearchRequest { Query = query, Limit = 7, Offset = 11, Facets = ["center"] },
                     new SearchRequest { Query = query, Limit = 15, SortBy = "received", Facets = ["product"] },
                     new SearchRequest { Query = query, Limit = 15, SortBy = "received", SortDescending = false, Offset = 3 },
                     new SearchRequest { Query = query, Limit = 30, Filters = new Dictionary<string, IReadOnlyList<string>> { ["center"] = ["c1", "c3"] }, Facets = ["product"] },
                 })
        {
            var sliced = _sliced.Search(request);
            var single = _single.Search(request);

            Assert.True(single.Hits.Count > 0, $"{query}: the comparison needs hits");
            Assert.Equal(single.TotalHits, sliced.TotalHits);
            Assert.Equal(single.Hits.Select(h => (h.Id, h.Score)), sliced.Hits.Select(h => (h.Id, h.Score)));
            Assert.Equal(Flatten(single.Facets), Flatten(sliced.Facets));
        }
    }

    [Fact]
    public void SimilarDocumentsAreTheSameInSlices()
    {
        var request = new MoreLikeThisRequest { Limit = 25, Filters = new Dictionary<string, IReadOnlyList<string>> { ["center"] = ["c0", "c2"] } };
        var sliced = _sliced.MoreLikeThis(Texts[1], request);
        var single = _single.MoreLikeThis(Texts[1], request);

        Assert.NotEmpty(single.Hits);
        Assert.Equal(single.Hits.Select(h => (h.Id, h.Score)), sliced.Hits.Select(h => (h.Id, h.Score)));
    }

    private static List<string> Flatten(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets) =>
        [.. facets.OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => f.Value.Select(v => $"{f.Key}={v.Value}:{v.Count}"))];

    // Six commits make six segments (fewer than the merge policy joins), so the sliced index has something to split;
    // repeated texts across segments make ties that only the merge order breaks.
    private static TextIndex Build(int parallelFrom)
    {
        var index = TextIndex.Temporary(Schema, MeCabFixture.Analyzer, new TextIndexOptions { ParallelSearchFromDocuments = parallelFrom });
        var start = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));
        var n = 0;
        for (var segment = 0; segment < 6; segment++)
        {
            for (var i = 0; i < 35; i++, n++)
            {
                index.Upsert(new IndexDocument($"d{n:D3}")
                    .Text("narrative", Texts[n % Texts.Length])
                    .Keyword("center", $"c{n % 4}")
                    .Keyword("product", $"p{n % 5}")
                    .Date("received", start.AddDays(n % 17)));
            }

            index.Commit();
        }

        index.Refresh();
        return index;
    }
}
