using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Yorisoi.Text.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Yorisoi.Text.Search;

public sealed class TextIndexOptions
{
    public SearchOptions Search { get; set; } = new();

    /// <summary>The synonym list for query expansion; null uses the shipped list.</summary>
    public SynonymList? Synonyms { get; set; }

    /// <summary>
    /// Index the last character of each CJK run beside the bigrams, so that one-character queries (車, 金), searched as
    /// prefixes, find every word that contains them (<see cref="CjkUnigrams.LastOfRun"/>).
    /// </summary>
    public bool IndexUnigrams { get; set; } = true;

    /// <summary>
    /// Indexes of at least this many documents search their segments on every core at once (one slice per core); smaller
    /// ones on the calling thread, where handing work over costs more than it saves.
    /// </summary>
    public int ParallelSearchFromDocuments { get; set; } = 50_000;

    /// <summary>Memory the writer buffers before it flushes a segment; more is faster for bulk indexing.</summary>
    public double RamBufferSizeMb { get; set; } = 64;
}

public sealed class MoreLikeThisRequest
{
    public int Limit { get; init; } = 10;

    /// <summary>Most distinctive words (by tf-idf) taken from the text; bounds the query.</summary>
    public int MaxQueryTerms { get; init; } = 20;

    /// <summary>Words found in fewer documents than this are ignored (typos, names).</summary>
    public int MinDocFreq { get; init; } = 1;

    /// <summary>The document the text came from, left out of the results.</summary>
    public string? ExcludeId { get; init; }

    /// <summary>
    /// Text fields whose base forms the words are weighed against and searched in; empty for every text field. Naming
    /// one field (a case's narrative) makes one document-frequency look-up per word instead of one per field.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>
    /// Words found in more than this share of the documents still add to the score of a document but no longer make it
    /// a candidate by themselves, provided at least <see cref="MinDistinctiveTerms"/> rarer words remain; null keeps
    /// every word a candidate-maker. In a large index the common words (電話, 契約, 支払い) match most documents, so they
    /// are most of the work of the query while a document sharing only them never ranks near one sharing the rare ones.
    /// </summary>
    public double? CommonTermShare { get; init; }

    /// <summary>Rarer words that must remain for <see cref="CommonTermShare"/> to apply.</summary>
    public int MinDistinctiveTerms { get; init; } = 3;

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters { get; init; }

    public IReadOnlyList<string> Snippets { get; init; } = [];

    public int FragmentLength { get; init; } = 120;
}

/// <summary>
/// A Lucene index of documents described by a <see cref="TextIndexSchema"/>, independent of the database: each text
/// field is indexed three ways (bigrams for recall, MeCab base forms for precision, readings for kana), ranked by BM25.
/// One writer; readers through a <see cref="SearcherManager"/>, so searches run while the writer adds and commits,
/// and see changes after <see cref="Refresh"/>. All members are thread-safe.
/// </summary>
public sealed class TextIndex : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly bool _ownsDirectory;
    private string? _temporaryPath;
    private readonly TextIndexOptions _options;
    private readonly Analyzer _indexAnalyzer;
    private readonly List<Analyzer> _analyzers = [];
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);
    private readonly SnippetBuilder _snippets;
    private readonly ThreadLocal<FieldPool> _fieldPool = new(() => new FieldPool());

    public TextIndex(LuceneDirectory directory, TextIndexSchema schema, IMorphologicalAnalyzer analyzer, TextIndexOptions? options = null, bool ownsDirectory = false)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        _options = options ?? new TextIndexOptions();
        Schema = schema;
        analyzer = new RecentTextCache(analyzer);

        var recallIndex = Own(new RecallAnalyzer(_options.IndexUnigrams));
        var recallQuery = Own(new RecallAnalyzer(unigrams: false));
        var precision = Own(new PrecisionAnalyzer(analyzer));
        var reading = Own(new ReadingAnalyzer(analyzer));
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var field in schema.TextFields)
        {
            perField[field.Name] = recallIndex;
            perField[field.PrecisionField] = precision;
            perField[field.ReadingField] = reading;
        }

        _indexAnalyzer = Own(new PerFieldAnalyzerWrapper(Own(new KeywordValueAnalyzer()), perField));
        _snippets = new SnippetBuilder(recallQuery, precision, reading);
        QueryParser = new JapaneseQueryParser(schema, analyzer, _options.Synonyms, _options.Search);

        var config = new IndexWriterConfig(RecallAnalyzer.Version, _indexAnalyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = _options.RamBufferSizeMb,
        };
        _writer = new IndexWriter(directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory(_options.ParallelSearchFromDocuments));
    }

    public TextIndexSchema Schema { get; }

    public JapaneseQueryParser QueryParser { get; }

    /// <summary>Documents visible to search now (after the last <see cref="Refresh"/>).</summary>
    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>
    /// An index that lives as long as this object, in a new temporary directory removed on dispose (for indexes rebuilt
    /// from the database at every start, such as the knowledge base's). Memory-mapped files rather than Lucene's
    /// RAMDirectory: that one takes a lock and clones its buffers list on every read of every term, which made a
    /// suggestion's hundreds of term look-ups wait on each other and on the garbage collector.
    /// </summary>
    public static TextIndex Temporary(TextIndexSchema schema, IMorphologicalAnalyzer analyzer, TextIndexOptions? options = null)
    {
        var path = System.IO.Directory.CreateTempSubdirectory("yorisoi-index-").FullName;
        try
        {
            return new TextIndex(FSDirectory.Open(path), schema, analyzer, options, ownsDirectory: true) { _temporaryPath = path };
        }
        catch
        {
            System.IO.Directory.Delete(path, recursive: true);
            throw;
        }
    }

    public static TextIndex Open(string path, TextIndexSchema schema, IMorphologicalAnalyzer analyzer, TextIndexOptions? options = null) =>
        new(FSDirectory.Open(path), schema, analyzer, options, ownsDirectory: true);

    /// <summary>Adds the document or replaces the one with the same id.</summary>
    public void Upsert(IndexDocument document) =>
        _writer.UpdateDocument(new Term(TextIndexSchema.IdField, document.Id), ToLucene(document));

    /// <summary>
    /// Adds or replaces many documents on every core: the calling thread and one thread of its own per further core
    /// take documents in turn (the writer takes documents from several threads at once). Threads of their own rather than
    /// the thread pool's: Parallel.ForEach hands its work out again every few hundred milliseconds, and the pool threads
    /// it wakes then spin while they look for it, which on two busy cores took a fifth of the CPU from the analysis.
    /// </summary>
    public void UpsertMany(IReadOnlyList<IndexDocument> documents, int? threads = null)
    {
        var count = Math.Clamp(threads ?? Environment.ProcessorCount, 1, Math.Max(1, documents.Count));
        var next = -1;
        Exception? failure = null;
        void Work()
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < documents.Count && Volatile.Read(ref failure) is null; i = Interlocked.Increment(ref next))
                {
                    Upsert(documents[i]);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }

        var helpers = Enumerable.Range(1, count - 1).Select(_ => new Thread(Work) { IsBackground = true, Name = "index writer" }).ToList();
        helpers.ForEach(t => t.Start());
        Work();
        helpers.ForEach(t => t.Join());
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    public void Delete(string id) => _writer.DeleteDocuments(new Term(TextIndexSchema.IdField, id));

    public void DeleteAll() => _writer.DeleteAll();

    /// <summary>Makes the changes durable on disk.</summary>
    public void Commit() => _writer.Commit();

    /// <summary>
    /// Makes the changes durable together with <paramref name="userData"/> (e.g. the position in a change feed the
    /// documents reflect), in the same commit, so a crash keeps both or neither.
    /// </summary>
    public void Commit(IReadOnlyDictionary<string, string> userData)
    {
        _writer.SetCommitData(userData.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        _writer.Commit();
    }

    /// <summary>The user data of the last commit (what <see cref="Commit(IReadOnlyDictionary{string, string})"/> stored); empty for a new index.</summary>
    public IReadOnlyDictionary<string, string> CommitData =>
        _writer.CommitData is { } data ? new Dictionary<string, string>(data, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Makes changes so far visible to searches that start after this returns (near-real-time, no commit needed).</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    public SearchResult Search(string? query, int limit = 20) => Search(new SearchRequest { Query = query, Limit = limit });

    public SearchResult Search(SearchRequest request)
    {
        var parsed = request.PrefixMatch ? QueryParser.ParsePrefix(request.Query)
            : request.AnyWord ? QueryParser.ParseNatural(request.Query)
            : QueryParser.Parse(request.Query);
        Query query;
        if (parsed.IsOk)
        {
            query = parsed.Query!;
        }
        else if (parsed.Status == QueryStatus.Empty && request.MatchAllWhenEmpty)
        {
            query = new MatchAllDocsQuery();
        }
        else
        {
            return SearchResult.Nothing(parsed.Status, parsed.Notices);
        }

        if (WithFilters(query, request.Filters) is not { } filtered)
        {
            return SearchResult.Nothing(QueryStatus.Ok, parsed.Notices);
        }

        var limit = Math.Clamp(request.Limit, 0, 1000);
        var offset = Math.Clamp(request.Offset, 0, 10_000);
        var searcher = _searchers.Acquire();
        try
        {
            var wanted = Math.Max(1, offset + limit);
            var sort = request.SortBy is { } sortBy && Schema.Resolve(sortBy) is { Kind: FieldKind.Number or FieldKind.Date } sortField
                ? new Sort(new SortField(sortField.Name, SortFieldType.INT64, request.SortDescending), SortField.FIELD_SCORE)
                : null;
            var facetFields = request.Facets.Select(f => Schema.Resolve(f)).Where(f => f is { Kind: FieldKind.Keyword, Facet: true }).Select(f => f!.Name).Distinct().ToList();
            var slices = ((SliceSearcher)searcher).Collect(filtered, () =>
            {
                ITopDocsCollector top = sort is not null
                    ? TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
                    : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
                return (top, facetFields.Count > 0 ? new FacetCollector(facetFields) : null);
            });
            var merged = SliceSearcher.Merge(sort, wanted, slices.Select(s => s.Top.GetTopDocs()));
            var docs = merged.ScoreDocs.Skip(offset).Take(limit).ToArray();
            var facets = slices[0].Facets;
            foreach (var slice in slices.Skip(1))
            {
                facets?.Add(slice.Facets!);
            }

            var hits = ToHits(searcher, docs, request.Snippets, parsed.Highlights, request.FragmentLength, request.MaxFragments);

            return new SearchResult(QueryStatus.Ok, parsed.Notices, merged.TotalHits, hits, facets?.Result(50) ?? new Dictionary<string, IReadOnlyList<FacetValue>>());
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Snippets of <paramref name="ids"/> for the words of <paramref name="request"/> (its query, parsed as the search
    /// would, and its snippet fields), without searching: a caller that ranks many candidates by several queries cuts
    /// snippets only for the few it shows. Ids not in the index are left out.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Snippet>> Snippets(SearchRequest request, IReadOnlyCollection<string> ids)
    {
        var parsed = request.PrefixMatch ? QueryParser.ParsePrefix(request.Query)
            : request.AnyWord ? QueryParser.ParseNatural(request.Query)
            : QueryParser.Parse(request.Query);
        var found = new Dictionary<string, IReadOnlyList<Snippet>>(StringComparer.Ordinal);
        if (!parsed.IsOk || request.Snippets.Count == 0 || ids.Count == 0)
        {
            return found;
        }

        var searcher = _searchers.Acquire();
        try
        {
            var docs = new List<ScoreDoc>(ids.Count);
            foreach (var id in ids)
            {
                if (searcher.Search(new TermQuery(new Term(TextIndexSchema.IdField, id)), 1).ScoreDocs is [var doc, ..])
                {
                    docs.Add(doc);
                }
            }

            foreach (var hit in ToHits(searcher, [.. docs], request.Snippets, parsed.Highlights, request.FragmentLength, request.MaxFragments))
            {
                found[hit.Id] = hit.Snippets;
            }

            return found;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Documents like a text (a narrative being typed, a case): its most distinctive base forms by tf-idf against this
    /// index, as one bounded OR query over the base-form fields (each word in the field where it is most frequent).
    /// </summary>
    public SimilarResult MoreLikeThis(string? text, MoreLikeThisRequest? request = null)
    {
        request ??= new MoreLikeThisRequest();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SimilarResult([], []);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var fields = (request.Fields.Count == 0 ? Schema.TextFields : request.Fields.Select(Schema.Get).Where(f => f.Kind == FieldKind.Text))
                .Select(f => f.PrecisionField).Distinct().ToArray();
            if (fields.Length == 0)
            {
                throw new ArgumentException("Similar documents need at least one text field.", nameof(request));
            }

            var mlt = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = _indexAnalyzer,
                FieldNames = fields,
                MinTermFreq = 1,
                MinDocFreq = Math.Max(1, request.MinDocFreq),
                MinWordLen = 1,
                MaxQueryTerms = Math.Clamp(request.MaxQueryTerms, 1, 100),
            };

            // One analysis and one round of document-frequency look-ups; Lucene's RetrieveInterestingTerms and Like each
            // repeat both. Taken from the queue in the order, and boosted the way, Like does.
            var queue = mlt.RetrieveTerms(new StringReader(text), fields[0]);
            var chosen = new List<ScoreTerm>(mlt.MaxQueryTerms);
            while (chosen.Count < mlt.MaxQueryTerms && queue.Pop() is { } scoreTerm)
            {
                chosen.Add(scoreTerm);
            }

            var terms = chosen.Select(t => t.Word).ToList();
            if (chosen.Count == 0)
            {
                return new SimilarResult([], terms);
            }

            var combined = new BooleanQuery { { LikeQuery(chosen, searcher.IndexReader.NumDocs, request), Occur.MUST } };
            if (request.ExcludeId is { } exclude)
            {
                combined.Add(new TermQuery(new Term(TextIndexSchema.IdField, exclude)), Occur.MUST_NOT);
            }

            if (WithFilters(combined, request.Filters) is not { } filtered)
            {
                return new SimilarResult([], terms);
            }

            var highlights = new HighlightTerms();
            foreach (var field in fields)
            {
                foreach (var term in terms)
                {
                    highlights.AddTerm(field, term);
                }
            }

            var docs = ((SliceSearcher)searcher).Top(filtered, Math.Clamp(request.Limit, 1, 1000));
            var hits = ToHits(searcher, docs.ScoreDocs, request.Snippets, highlights, request.FragmentLength, 1);
            return new SimilarResult(hits, terms);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _fieldPool.Dispose();
        QueryParser.Dispose();
        foreach (var analyzer in _analyzers)
        {
            analyzer.Dispose();
        }

        if (_ownsDirectory)
        {
            _directory.Dispose();
        }

        if (_temporaryPath is not null)
        {
            try
            {
                System.IO.Directory.Delete(_temporaryPath, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temporary-file cleaning; nothing in it is personal (the case index is not temporary).
            }
        }
    }

    private T Own<T>(T analyzer)
        where T : Analyzer
    {
        _analyzers.Add(analyzer);
        return analyzer;
    }

    // Filters set by the caller restrict, never widen: a field with no allowed value matches nothing.
    private Query? WithFilters(Query query, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        if (filters is null || filters.Count == 0)
        {
            return query;
        }

        foreach (var (name, values) in filters)
        {
            var field = Schema.Get(name);
            if (field.Kind != FieldKind.Keyword)
            {
                throw new ArgumentException($"Only keyword fields can be filters; '{name}' is {field.Kind}.", nameof(filters));
            }

            if (values.Count == 0)
            {
                return null;
            }

            query = new FilteredQuery(query, FilterFor(field, values));
        }

        return query;
    }

    // A filter is one bit set per segment, kept while the segment lives (CachingWrapperFilter, keyed by the segment's
    // core), so the visibility every counselor's search carries (one center and the cases shared with it) is read from
    // its postings once, not at every query. FilteredQuery hands the bits to the query's postings, which then skip other
    // centers' documents instead of scoring them and intersecting afterwards: most of a one-center search's work in a
    // national index. Bounded: past the limit the cache starts again (the bits are rebuilt on next use).
    private Filter FilterFor(FieldDefinition field, IReadOnlyList<string> values)
    {
        var keys = values.Select(field.KeyOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cacheKey = field.Name + "\u0000" + string.Join('\u0000', keys);
        if (_filters.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        if (_filters.Count >= MaxCachedFilters)
        {
            _filters.Clear();
        }

        var any = new BooleanQuery();
        foreach (var key in keys)
        {
            any.Add(new TermQuery(new Term(field.Name, key)), Occur.SHOULD);
        }

        return _filters.GetOrAdd(cacheKey, _ => new BitSetCachingFilter(new QueryWrapperFilter(any)));
    }

    // Lucene's CachingWrapperFilter keeps a compressed set without random access, so FilteredQuery would leap-frog the
    // filter and the query instead of handing the bits down: a plain bit set per segment (an eighth of a byte per
    // document) has them.
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    private const int MaxCachedFilters = 512;

    // Lucene's MoreLikeThis.Like: every word optional, boosted by its tf-idf against the best word's. With a common-term
    // share, the common words move out of the part a document must match: BM25 gives no coordination factor, so a
    // candidate's score is the same sum as before, and the scorer only advances the common words' postings to candidates.
    private static BooleanQuery LikeQuery(List<ScoreTerm> chosen, int numDocs, MoreLikeThisRequest request)
    {
        var best = chosen[0].Score;
        var commonAbove = request.CommonTermShare is { } share ? share * numDocs : double.MaxValue;
        var distinctive = new BooleanQuery();
        var common = new List<Query>();
        foreach (var term in chosen)
        {
            var query = new TermQuery(new Term(term.TopField, term.Word)) { Boost = best > 0 ? term.Score / best : 1 };
            if (term.DocFreq > commonAbove)
            {
                common.Add(query);
            }
            else
            {
                distinctive.Add(query, Occur.SHOULD);
            }
        }

        if (common.Count == 0 || distinctive.Clauses.Count < Math.Max(1, request.MinDistinctiveTerms))
        {
            foreach (var query in common)
            {
                distinctive.Add(query, Occur.SHOULD);
            }

            return distinctive;
        }

        var like = new BooleanQuery { { distinctive, Occur.MUST } };
        foreach (var query in common)
        {
            like.Add(query, Occur.SHOULD);
        }

        return like;
    }

    // Snippets re-analyse each hit's stored text (bigrams and MeCab), most of a search's time; the hits are independent, so
    // they are cut on several cores. Analysers keep their token streams per thread, and MeCab taggers are pooled.
    private List<SearchHit> ToHits(IndexSearcher searcher, ScoreDoc[] scoreDocs, IReadOnlyList<string> snippetFields, HighlightTerms highlights, int fragmentLength, int maxFragments)
    {
        var hits = new SearchHit[scoreDocs.Length];
        var fields = snippetFields.Select(Schema.Resolve).Where(f => f is { Kind: FieldKind.Text }).Select(f => f!).Distinct().ToList();
        var perValue = maxFragments * snippetFields.Count;
        if (fields.Count == 0 || scoreDocs.Length < 2 || Environment.ProcessorCount < 2)
        {
            for (var i = 0; i < scoreDocs.Length; i++)
            {
                hits[i] = ToHit(searcher, scoreDocs[i], fields, perValue, highlights, fragmentLength, maxFragments);
            }
        }
        else
        {
            Parallel.For(0, scoreDocs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                hits[i] = ToHit(searcher, scoreDocs[i], fields, perValue, highlights, fragmentLength, maxFragments));
        }

        return [.. hits];
    }

    // fields: the text fields snippets are cut from; maxSnippets: how many snippets a hit collects before it stops.
    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, List<FieldDefinition> fields, int maxSnippets, HighlightTerms highlights, int fragmentLength, int maxFragments)
    {
        var score = float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score;
        var id = IdOf(searcher, scoreDoc.Doc);
        if (fields.Count == 0 && id is not null)
        {
            return new SearchHit(id, score, []);
        }

        // Only the fields the snippets are cut from: a case's stored texts are most of its stored bytes.
        var load = new HashSet<string>(fields.Select(f => f.Name), StringComparer.Ordinal);
        if (id is null)
        {
            load.Add(TextIndexSchema.IdField);
        }

        var document = searcher.Doc(scoreDoc.Doc, load);
        var snippets = new List<Snippet>();
        foreach (var field in fields)
        {
            foreach (var value in document.GetValues(field.Name, System.Globalization.CultureInfo.InvariantCulture))
            {
                snippets.AddRange(_snippets.Build(field, value, highlights, fragmentLength, maxFragments));
                if (snippets.Count >= maxSnippets)
                {
                    break;
                }
            }
        }

        return new SearchHit(id ?? document.Get(TextIndexSchema.IdField, System.Globalization.CultureInfo.InvariantCulture), score, snippets);
    }

    /// <summary>
    /// A document's id from its doc values: reading it from the stored fields decompresses the whole stored document (a
    /// FAQ entry's answer, a case's narrative and log), which was a third of the time of a suggestion. Null for documents
    /// indexed before ids had doc values.
    /// </summary>
    private static string? IdOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        if (leaf.AtomicReader.GetBinaryDocValues(TextIndexSchema.IdField) is not { } values)
        {
            return null;
        }

        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return bytes.Length == 0 ? null : bytes.Utf8ToString();
    }

    private Document ToLucene(IndexDocument source)
    {
        var fields = _fieldPool.Value!;
        fields.Reset();
        var document = new Document { fields.String(TextIndexSchema.IdField, source.Id, Field.Store.YES), fields.IdValue(source.Id) };
        foreach (var (name, values) in source.Texts)
        {
            var field = Schema.Get(name);
            foreach (var value in values)
            {
                document.Add(fields.Text(field.Name, value, Field.Store.YES));
                document.Add(fields.Text(field.PrecisionField, value, Field.Store.NO));
                document.Add(fields.Text(field.ReadingField, value, Field.Store.NO));
            }
        }

        foreach (var (name, values) in source.Keywords)
        {
            var field = Schema.Get(name);
            foreach (var value in values)
            {
                var key = field.KeyOf(value);
                if (key.Length == 0)
                {
                    continue;
                }

                document.Add(fields.String(field.Name, key, Field.Store.YES));
                if (field.Facet)
                {
                    document.Add(new SortedSetDocValuesField(field.Name, new BytesRef(key)));
                }
            }
        }

        foreach (var (name, value) in source.Numbers)
        {
            var field = Schema.Get(name);
            document.Add(fields.Int64(field.Name, value));
            document.Add(new NumericDocValuesField(field.Name, value));
        }

        return document;
    }

    /// <summary>
    /// Field instances reused from one document to the next on the same thread, as Lucene recommends for bulk indexing:
    /// a new keyword or number field builds a new token stream, and building one takes a process-wide lock in Lucene.NET
    /// that two indexing threads otherwise queue on. Safe because the writer is done with a document's fields when
    /// <see cref="IndexWriter.UpdateDocument(Term, IEnumerable{IIndexableField})"/> returns.
    /// </summary>
    private sealed class FieldPool
    {
        private readonly Dictionary<(string Name, int Kind), Slot> _slots = [];
        private readonly List<Slot> _all = [];

        public void Reset()
        {
            foreach (var slot in _all)
            {
                slot.Used = 0;
            }
        }

        public Field String(string name, string value, Field.Store store)
        {
            var slot = SlotOf(name, store == Field.Store.YES ? 0 : 1);
            return slot.Next(value) ?? slot.Add(new StringField(name, value, store));
        }

        public Field Text(string name, string value, Field.Store store)
        {
            var slot = SlotOf(name, store == Field.Store.YES ? 2 : 3);
            return slot.Next(value) ?? slot.Add(new TextField(name, value, store));
        }

        public Field Int64(string name, long value)
        {
            var slot = SlotOf(name, 4);
            if (slot.Next() is { } field)
            {
                field.SetInt64Value(value);
                return field;
            }

            return slot.Add(new Int64Field(name, value, Field.Store.YES));
        }

        public Field IdValue(string id)
        {
            var slot = SlotOf(TextIndexSchema.IdField, 5);
            if (slot.Next() is { } field)
            {
                field.SetBytesValue(new BytesRef(id));
                return field;
            }

            return slot.Add(new BinaryDocValuesField(TextIndexSchema.IdField, new BytesRef(id)));
        }

        private Slot SlotOf(string name, int kind)
        {
            if (!_slots.TryGetValue((name, kind), out var slot))
            {
                slot = new Slot();
                _slots[(name, kind)] = slot;
                _all.Add(slot);
            }

            return slot;
        }

        private sealed class Slot
        {
            private readonly List<Field> _fields = [];

            public int Used { get; set; }

            public Field? Next() => Used < _fields.Count ? _fields[Used++] : null;

            public Field? Next(string value)
            {
                var field = Next();
                field?.SetStringValue(value);
                return field;
            }

            public Field Add(Field field)
            {
                _fields.Add(field);
                Used++;
                return field;
            }
        }
    }

    private sealed class Bm25SearcherFactory(int parallelFrom) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new SliceSearcher(reader, parallelFrom) { Similarity = new BM25Similarity() };
    }

    /// <summary>
    /// Searches a large index's segments on every core at once: one query's latency is what a counselor waits for, and
    /// a search alone on the host otherwise leaves the other core idle. The segments are split into one slice per core
    /// by size; each slice fills its own collectors with the same weight, and the top documents are merged in the order
    /// one thread's collector gives them (see <see cref="Merge"/>).
    /// </summary>
    private sealed class SliceSearcher(IndexReader reader, int parallelFrom) : IndexSearcher(reader)
    {
        public List<(ITopDocsCollector Top, FacetCollector? Facets)> Collect(Query query, Func<(ITopDocsCollector Top, FacetCollector? Facets)> create)
        {
            var weight = CreateNormalizedWeight(query);
            var leaves = m_leafContexts;
            // At least two slices once asked for, so that a one-core machine still takes (and tests) this path.
            var cores = Math.Max(2, Environment.ProcessorCount);
            if (leaves.Count < 2 || IndexReader.MaxDoc < parallelFrom)
            {
                var single = create();
                Search(leaves, weight, Wrap(single));
                return [single];
            }

            var slices = Enumerable.Range(0, Math.Min(cores, leaves.Count)).Select(_ => new List<AtomicReaderContext>()).ToArray();
            var sizes = new long[slices.Length];
            foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
            {
                var smallest = Array.IndexOf(sizes, sizes.Min());
                slices[smallest].Add(leaf);
                sizes[smallest] += leaf.AtomicReader.MaxDoc;
            }

            var collectors = new (ITopDocsCollector Top, FacetCollector? Facets)[slices.Length];
            Parallel.For(0, slices.Length, new ParallelOptions { MaxDegreeOfParallelism = cores }, i =>
            {
                collectors[i] = create();
                // In document order within a slice, as one thread would visit them.
                Search([.. slices[i].OrderBy(l => l.DocBase)], weight, Wrap(collectors[i]));
            });

            return [.. collectors];
        }

        /// <summary>The <paramref name="wanted"/> best documents by score, as <see cref="IndexSearcher.Search(Query, int)"/> gives them.</summary>
        public TopDocs Top(Query query, int wanted) =>
            Merge(null, wanted, Collect(query, () => (TopScoreDocCollector.Create(wanted, docsScoredInOrder: false), null)).Select(s => s.Top.GetTopDocs()));

        /// <summary>
        /// The slices' top documents as one thread's collector orders them: by score (or by the sort field, then score),
        /// ties by document number. The slices hold segments of any position, so Lucene's own merge (ties by slice)
        /// would not keep that order.
        /// </summary>
        public static TopDocs Merge(Sort? sort, int wanted, IEnumerable<TopDocs> slices)
        {
            var all = slices.ToArray();
            if (all.Length == 1)
            {
                return all[0];
            }

            var total = all.Sum(t => t.TotalHits);
            var docs = all.SelectMany(t => t.ScoreDocs).ToList();
            if (sort is null)
            {
                docs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
                return new TopDocs(total, [.. docs.Take(wanted)], docs.Count > 0 ? docs.Max(d => d.Score) : float.NaN);
            }

            // The sorts made here: one long field (either direction), then the score.
            var reverse = sort.GetSort()[0].IsReverse;
            docs.Sort((a, b) =>
            {
                var x = ((J2N.Numerics.Number)((FieldDoc)a).Fields[0]).ToInt64();
                var y = ((J2N.Numerics.Number)((FieldDoc)b).Fields[0]).ToInt64();
                if (x != y)
                {
                    return reverse ? y.CompareTo(x) : x.CompareTo(y);
                }

                return b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc);
            });
            return new TopFieldDocs(total, [.. docs.Take(wanted)], sort.GetSort(), float.NaN);
        }

        private static ICollector Wrap((ITopDocsCollector Top, FacetCollector? Facets) c) => c.Facets is null ? c.Top : MultiCollector.Wrap(c.Top, c.Facets);
    }
}
