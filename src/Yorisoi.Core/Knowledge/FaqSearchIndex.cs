using Yorisoi.Core.CodeLists;
using Yorisoi.Text.Analysis;
using Yorisoi.Text.Search;

namespace Yorisoi.Core.Knowledge;

/// <summary>The live version of one published entry, as the FAQ search index holds it.</summary>
public sealed record FaqIndexEntry(
    string Id,
    FaqAudience Audience,
    Guid? OwnerCenterId,
    string Category,
    string Question,
    string Summary,
    string Answer,
    string[] Products,
    string[] Keywords,
    string[] SalesForms,
    string[] Laws,
    string[] Related,
    int Version)
{
    public static FaqIndexEntry From(FaqDocument doc) =>
        new(doc.Id, doc.Audience, null, doc.Category, doc.Question, doc.Summary, doc.Body, doc.Products, doc.Keywords, doc.SalesForms, doc.Laws, doc.Related, 1);
}

/// <summary>Which entries a search may return; built from the caller's access scope in <see cref="FaqSearchService"/>.</summary>
public sealed record FaqVisibility(bool PublicOnly, bool AllCenters, Guid? CenterId)
{
    private const string National = "national";

    public static FaqVisibility Public { get; } = new(PublicOnly: true, AllCenters: false, null);

    /// <summary>Public and internal national entries plus the center's own local ones.</summary>
    public static FaqVisibility Staff(Guid centerId) => new(PublicOnly: false, AllCenters: false, centerId);

    public static FaqVisibility Everything { get; } = new(PublicOnly: false, AllCenters: true, null);

    /// <summary>The owners whose entries are visible, as index keys; null for every owner.</summary>
    public IReadOnlyList<string>? Owners => AllCenters ? null : CenterId is { } center && !PublicOnly ? [National, center.ToString()] : [National];

    public static string OwnerKey(Guid? ownerCenterId) => ownerCenterId?.ToString() ?? National;

    /// <summary>The same rule as the index filters, for entries reached another way (related entries).</summary>
    public bool Allows(FaqIndexEntry entry) =>
        (!PublicOnly || entry.Audience == FaqAudience.Public) && (Owners is not { } owners || owners.Contains(OwnerKey(entry.OwnerCenterId)));
}

public sealed record FaqIndexQuery(string? Text, FaqVisibility Visibility, string? Category = null, int Offset = 0, int Limit = 10);

public sealed record FaqIndexHit(FaqIndexEntry Entry, float Score, Snippet? Question, Snippet? Answer);

public sealed record FaqIndexResult(QueryStatus Status, QueryNotices Notices, int Total, IReadOnlyList<FaqIndexHit> Hits);

/// <summary>
/// A Lucene index (<see cref="TextIndex"/>) of the live versions of published entries: the question weighs most, then
/// the summary, the names of the linked codes (内容キーワード, 商品・役務, 販売購入形態), the category and the related laws,
/// then the answer with its Markdown stripped. Audience, owner and category are filter keywords. The index lives in
/// memory: the knowledge base holds hundreds to a few thousand entries, so it is rebuilt whole in well under a second.
/// </summary>
public sealed class FaqSearchIndex : IDisposable
{
    public const string QuestionField = "question";
    public const string SummaryField = "summary";
    public const string AnswerField = "answer";
    public const string TermsField = "terms";
    public const string LawsField = "laws";
    public const string AudienceField = "audience";
    public const string OwnerField = "owner";
    public const string CategoryField = "category";

    private readonly TextIndex _index;
    private readonly CodeListVersion _codes;
    private readonly FaqCategories _categories;
    private readonly SituationList _situations;

    // The entries' own texts, analysed once when indexed: snippets of every suggestion re-read them.
    private readonly AnalysisMemo _memo;
    private Dictionary<string, FaqIndexEntry> _entries = new(StringComparer.Ordinal);

    /// <param name="situations">The everyday expressions that show a legal situation, for narrative suggestions; the shipped list when null.</param>
    public FaqSearchIndex(IMorphologicalAnalyzer analyzer, CodeListVersion codes, FaqCategories categories, SearchOptions? options = null, SituationList? situations = null)
    {
        _codes = codes;
        _categories = categories;
        _situations = situations ?? SituationList.Default;
        _memo = new AnalysisMemo(analyzer);
        _index = TextIndex.Temporary(Schema, _memo, new TextIndexOptions { Search = options ?? DefaultOptions() });
    }

    /// <summary>
    /// Field weights and boosts chosen on tests/Evaluation (recall@5 and MRR of public search and of narrative
    /// suggestions, see FaqSearchQualityTests): words the user typed as a whole count more than their parts.
    /// </summary>
    public static SearchOptions DefaultOptions() => new()
    {
        RecallBoost = 1.0f,
        PrecisionBoost = 2.0f,
        ReadingBoost = 1.5f,
        SynonymBoost = 0.7f,
        TieBreaker = 0.3f,
        PartBoost = 1.0f,
    };

    public static TextIndexSchema Schema { get; } = TextIndexSchema.Create()
        .Text(QuestionField, 3.0f, "質問")
        .Text(SummaryField, 2.0f, "要約")
        .Text(TermsField, 1.5f, "キーワード")
        .Text(LawsField, 1.0f, "法令")
        .Text(AnswerField, 1.0f, "回答")
        .Keyword(AudienceField)
        .Keyword(OwnerField)
        .Keyword(CategoryField, facet: true, key: null, "分類")
        .Build();

    public int Count => _entries.Count;

    /// <summary>Replaces the whole content; searches see the old content until the new one is complete.</summary>
    public void Replace(IEnumerable<FaqIndexEntry> entries)
    {
        var byId = new Dictionary<string, FaqIndexEntry>(StringComparer.Ordinal);
        _index.DeleteAll();
        using (_memo.Record())
        {
            foreach (var entry in entries)
            {
                byId[entry.Id] = entry;
                _index.Upsert(ToDocument(entry));
            }
        }

        _index.Refresh();
        _entries = byId;
    }

    public FaqIndexResult Search(FaqIndexQuery query)
    {
        var entries = _entries;
        var result = _index.Search(new SearchRequest
        {
            Query = query.Text,
            AnyWord = true,
            Filters = Filters(query.Visibility, query.Category),
            Offset = query.Offset,
            Limit = query.Limit,
            Snippets = [QuestionField, AnswerField],
            FragmentLength = 120,
            MaxFragments = 1,
        });
        return new FaqIndexResult(result.Status, result.Notices, result.TotalHits, Hits(result.Hits, entries));
    }

    /// <summary>
    /// Entries for a free-text narrative (a case being typed). Up to three rankings are fused, each scaled to its best
    /// hit: the narrative read as everyday language (every content word optional, with synonyms and readings, BM25 over
    /// all fields), Lucene's MoreLikeThis (its 40 most distinctive base forms by tf-idf), and the legal situations the
    /// narrative shows (<see cref="SituationList"/>: 「必ず上がる」 searched as 断定的判断 消費者契約法), which reaches the
    /// general entries written in the law's words that a story rarely shares a word with. On narratives.jsonl the fusion
    /// beats each alone (see FaqSearchQualityTests); then entries linked by the editors get a share of their hits' scores.
    /// </summary>
    /// <param name="marks">Whether the entries shown get their question and answer marked (most of the cost); the
    /// classification only reads the entries' codes and asks without.</param>
    public IReadOnlyList<FaqIndexHit> Suggest(string? text, FaqVisibility visibility, int limit, bool marks = true)
    {
        var entries = _entries;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        limit = Math.Clamp(limit, 1, 50);
        var filters = Filters(visibility, null);
        var wordsRequest = new SearchRequest { Query = text, AnyWord = true, Filters = filters, Limit = limit + Candidates };
        List<FaqIndexHit> words = [], similar = [], situations = [];
        // The everyday-language query is the longest of the three (every content word of the narrative); it runs on a
        // second core while the other two run here, which takes about a third off a suggestion's time.
        Parallel.Invoke(
            () => words = Hits(_index.Search(wordsRequest).Hits, entries),
            () =>
            {
                similar = Hits(_index.MoreLikeThis(text, new MoreLikeThisRequest { Limit = limit + Candidates, MaxQueryTerms = MoreLikeThisTerms, Filters = filters }).Hits, entries);
                situations = BySituation(text, filters, entries);
            });
        var fused = new Dictionary<string, FaqIndexHit>(StringComparer.Ordinal);
        foreach (var (hits, weight) in new[] { (words, 1f), (similar, 1f), (situations, SituationWeight) })
        {
            var best = hits.Count > 0 && hits[0].Score > 0 ? hits[0].Score : 1;
            foreach (var hit in hits)
            {
                var score = weight * hit.Score / best;
                fused[hit.Entry.Id] = fused.TryGetValue(hit.Entry.Id, out var known)
                    ? known with { Score = known.Score + score }
                    : hit with { Score = score };
            }
        }

        var ranked = WithRelated(fused.Values.OrderByDescending(h => h.Score).ToList(), entries, visibility);
        var picked = AcrossAudiences(ranked, limit);
        if (!marks)
        {
            return picked;
        }

        // Re-analysing stored answers for marks is most of the cost of a suggestion: only the entries shown get them,
        // whichever ranking brought them, with the narrative's own words marked.
        var marked = new SearchRequest { Query = text, AnyWord = true, Snippets = [QuestionField, AnswerField], MaxFragments = 1 };
        var snippets = _index.Snippets(marked, [.. picked.Select(h => h.Entry.Id)]);
        return [.. picked.Select(h => snippets.TryGetValue(h.Entry.Id, out var marks)
            ? h with { Question = marks.FirstOrDefault(s => s.Field == QuestionField), Answer = marks.FirstOrDefault(s => s.Field == AnswerField) }
            : h)];
    }

    /// <summary>Lucene's MoreLikeThis alone, for comparison with <see cref="Suggest"/> in the quality tests.</summary>
    public IReadOnlyList<FaqIndexHit> SuggestMoreLikeThis(string? text, FaqVisibility visibility, int limit)
    {
        var result = _index.MoreLikeThis(text, new MoreLikeThisRequest { Limit = Math.Clamp(limit, 1, 50), MaxQueryTerms = MoreLikeThisTerms, Filters = Filters(visibility, null) });
        return Hits(result.Hits, _entries);
    }

    /// <summary>The narrative read as everyday language alone, for comparison with <see cref="Suggest"/> in the quality tests.</summary>
    public IReadOnlyList<FaqIndexHit> SuggestByWords(string? text, FaqVisibility visibility, int limit)
    {
        var result = _index.Search(new SearchRequest { Query = text, AnyWord = true, Filters = Filters(visibility, null), Limit = Math.Clamp(limit, 1, 50) });
        return Hits(result.Hits, _entries);
    }

    /// <summary>The legal situations the narrative shows, searched alone, for comparison with <see cref="Suggest"/> in the quality tests.</summary>
    public IReadOnlyList<FaqIndexHit> SuggestBySituation(string? text, FaqVisibility visibility, int limit) =>
        BySituation(text, Filters(visibility, null), _entries).Take(Math.Clamp(limit, 1, 50)).ToList();

    /// <summary>The terms of the legal situations <paramref name="text"/> shows, as <see cref="Suggest"/> searches them.</summary>
    public IReadOnlyList<string> SituationTerms(string? text) => _situations.TermsOf(text);

    private List<FaqIndexHit> BySituation(string? text, Dictionary<string, IReadOnlyList<string>> filters, Dictionary<string, FaqIndexEntry> entries)
    {
        var terms = _situations.TermsOf(text);
        return terms.Count == 0
            ? []
            : Hits(_index.Search(new SearchRequest { Query = string.Join(' ', terms), AnyWord = true, Filters = filters, Limit = SituationCandidates }).Hits, entries);
    }

    /// <summary>How many hits beyond the limit are read to re-rank with the editors' links between entries.</summary>
    private const int Candidates = 20;

    private const int MoreLikeThisTerms = 40;

    /// <summary>
    /// Weight of the situation ranking against the words and MoreLikeThis (1 each). It names what the law calls the
    /// trouble, so its best hits are usually needed; on narratives.jsonl recall@5 was 0.81 at 1.0, 0.82 from 1.25 to
    /// 1.75 and fell at 2.0, where the general entries crowd out the specific ones.
    /// </summary>
    private const float SituationWeight = 1.5f;

    /// <summary>The situation ranking's hits read: few, as its query holds only a handful of legal terms.</summary>
    private const int SituationCandidates = 10;

    /// <summary>
    /// Share of a hit's score that an entry it links to receives, summed over the hits linking to it (0.2 summed
    /// measured better on narratives.jsonl than 0.3 of the best link alone: an entry several hits depend on is likely needed).
    /// </summary>
    private const float RelatedShare = 0.2f;

    private const float OtherAudienceFloor = 0.2f;

    /// <summary>
    /// Editors link entries that answer the same trouble (a public entry and the counselors' internal one, its
    /// neighbours, the general entry it depends on); an entry linked from hits gets a share of their scores, so that
    /// the linked entries the narrative's words alone rank lower still come up.
    /// </summary>
    private static List<FaqIndexHit> WithRelated(List<FaqIndexHit> hits, Dictionary<string, FaqIndexEntry> entries, FaqVisibility visibility)
    {
        var scores = hits.ToDictionary(h => h.Entry.Id, h => (Hit: h, Own: h.Score, Linked: 0f), StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            foreach (var id in hit.Entry.Related)
            {
                if (!entries.TryGetValue(id, out var related) || !visibility.Allows(related))
                {
                    continue;
                }

                var share = hit.Score * RelatedShare;
                scores[id] = scores.TryGetValue(id, out var known)
                    ? known with { Linked = known.Linked + share }
                    : (new FaqIndexHit(related, 0, null, null), 0f, share);
            }
        }

        return scores.Values
            .Select(s => s.Hit with { Score = s.Own + s.Linked })
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Entry.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Counselors need both the public answer to give the consumer and the internal guidance on handling the case;
    /// when the top of the ranking holds only one audience, the last place goes to the best entry of the other one,
    /// provided it is a real candidate (at least a fifth of the best score).
    /// </summary>
    private static List<FaqIndexHit> AcrossAudiences(List<FaqIndexHit> ranked, int limit)
    {
        var picked = ranked.Take(limit).ToList();
        if (limit >= 3)
        {
            foreach (var audience in new[] { FaqAudience.Internal, FaqAudience.Public })
            {
                if (picked.All(h => h.Entry.Audience != audience) && ranked.Skip(limit).FirstOrDefault(h => h.Entry.Audience == audience) is { } best
                    && best.Score >= OtherAudienceFloor * ranked[0].Score)
                {
                    picked[^1] = best;
                }
            }
        }

        return picked;
    }

    public void Dispose() => _index.Dispose();

    private static List<FaqIndexHit> Hits(IReadOnlyList<SearchHit> hits, Dictionary<string, FaqIndexEntry> entries) =>
        hits.Where(h => entries.ContainsKey(h.Id))
            .Select(h => new FaqIndexHit(
                entries[h.Id], h.Score,
                h.Snippets.FirstOrDefault(s => s.Field == QuestionField),
                h.Snippets.FirstOrDefault(s => s.Field == AnswerField)))
            .ToList();

    private static Dictionary<string, IReadOnlyList<string>> Filters(FaqVisibility visibility, string? category)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (visibility.PublicOnly)
        {
            filters[AudienceField] = [nameof(FaqAudience.Public)];
        }

        if (visibility.Owners is { } owners)
        {
            filters[OwnerField] = owners;
        }

        if (category is { Length: > 0 })
        {
            filters[CategoryField] = [category];
        }

        return filters;
    }

    private IndexDocument ToDocument(FaqIndexEntry entry)
    {
        var document = new IndexDocument(entry.Id)
            .Text(QuestionField, entry.Question)
            .Text(SummaryField, entry.Summary)
            .Text(AnswerField, PlainAnswer(entry.Answer))
            .Keyword(AudienceField, entry.Audience.ToString())
            .Keyword(OwnerField, FaqVisibility.OwnerKey(entry.OwnerCenterId))
            .Keyword(CategoryField, entry.Category);
        foreach (var law in entry.Laws)
        {
            document.Text(LawsField, law);
        }

        var category = _categories.Find(entry.Category);
        document.Text(TermsField, category?.Name);
        foreach (var (list, codes) in new[] { (CodeListNames.Keyword, entry.Keywords), (CodeListNames.Product, entry.Products), (CodeListNames.SalesForm, entry.SalesForms) })
        {
            foreach (var code in codes)
            {
                if (_codes.Find(list, code) is { } item)
                {
                    document.Text(TermsField, string.Join(' ', item.Synonyms.Prepend(item.Name)));
                }
            }
        }

        return document;
    }

    /// <summary>The answer's text without Markdown marks, for indexing and snippets.</summary>
    public static string PlainAnswer(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown).Trim();
}
