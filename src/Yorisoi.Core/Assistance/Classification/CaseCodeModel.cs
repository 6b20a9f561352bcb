using System.IO.Compression;
using System.Text.Json;
using Yorisoi.Core.CodeLists;
using Yorisoi.Text;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Core.Assistance.Classification;

/// <summary>A case the model learns from: its narrative and the codes a counselor gave it (and an approver accepted).</summary>
public sealed record TrainingCase(string Text, string? Product, string? SalesForm, IReadOnlyList<string> Keywords, string? Result);

/// <summary>
/// Naive Bayes over the narrative's content words (MeCab base forms, each counted once per case), one per field, trained
/// on an instance's own approved cases. Multinomial Naive Bayes with binary counts is the standard strong baseline for
/// short-text classification: it trains in one counting pass (a million cases in the time MeCab takes to read them),
/// needs no tuning beyond its smoothing, and its posteriors rank well even when they are poorly calibrated — the form
/// shows ranks and shares, not probabilities to trust. A case with several keywords counts once for each.
/// </summary>
public sealed class CaseCodeModel
{
    /// <summary>Additive smoothing: 0.1 ranked better than 1 (Laplace) on held-out synthetic cases, as most words are rare.</summary>
    private const double Smoothing = 0.1;

    /// <summary>
    /// A word enters the model only when at least this many cases use it. The model file is kept on disk unencrypted,
    /// so it must hold nothing that points to one person: a word only one or two narratives use (an unusual name a
    /// tagger did not recognise, a shop's branch) is left out; it would say little about a class anyway.
    /// </summary>
    public const int MinCasesPerWord = 3;

    /// <summary>Cases analysed together, on every core.</summary>
    public const int Batch = 2_048;

    public static readonly IReadOnlyList<string> FieldNames = [CodeListNames.Product, CodeListNames.SalesForm, CodeListNames.Keyword, CodeListNames.Result];

    private readonly Dictionary<string, FieldModel> _fields;

    private CaseCodeModel(Dictionary<string, FieldModel> fields, int cases, DateTimeOffset trainedAt, IReadOnlyList<FieldQuality> quality)
    {
        _fields = fields;
        Cases = cases;
        TrainedAt = trainedAt;
        Quality = quality;
    }

    /// <summary>How well the model ranked held-out cases when it was trained (empty when nothing was held out).</summary>
    public IReadOnlyList<FieldQuality> Quality { get; }

    /// <summary>The same model with the quality measured on the cases held out from its training.</summary>
    public CaseCodeModel WithQuality(IReadOnlyList<FieldQuality> quality) => new(_fields, Cases, TrainedAt, quality);

    /// <summary>How many training cases had a code for <paramref name="field"/>: a field learned from few says little.</summary>
    public int CasesWith(string field) => _fields.TryGetValue(field, out var model) ? model.Documents : 0;

    /// <summary>How many cases the model learned from.</summary>
    public int Cases { get; }

    public DateTimeOffset TrainedAt { get; }

    /// <summary>Names the model on the administrators' screen and in the suggestions: when it was trained, from how many cases.</summary>
    public string Version => $"{TrainedAt:yyyyMMdd'T'HHmmss'Z'}-{Cases}";

    public static CaseCodeModel Train(IEnumerable<TrainingCase> cases, IMorphologicalAnalyzer analyzer, DateTimeOffset now) =>
        Train(cases, analyzer, now, []);

    /// <summary>Learns from <paramref name="cases"/>; <paramref name="quality"/> is what the caller measured on cases held out from them.</summary>
    public static CaseCodeModel Train(IEnumerable<TrainingCase> cases, IMorphologicalAnalyzer analyzer, DateTimeOffset now, IReadOnlyList<FieldQuality> quality)
    {
        var builder = new Builder(analyzer);
        foreach (var batch in cases.Chunk(Batch))
        {
            builder.Add(batch);
        }

        return builder.Build(now, quality);
    }

    /// <summary>
    /// Learns batch by batch, so a million cases read from the database need never be in memory at once. Each batch is
    /// analysed on every core (MeCab is most of the cost). Not thread-safe: one caller adds the batches.
    /// </summary>
    public sealed class Builder(IMorphologicalAnalyzer analyzer)
    {
        // Two passes over the analysed words would need the whole corpus in memory, so counts are kept for every word
        // and the rare ones are dropped at the end, when a word's case count is known.
        private readonly Dictionary<string, FieldBuilder> _builders = FieldNames.ToDictionary(f => f, _ => new FieldBuilder(), StringComparer.Ordinal);
        private readonly Dictionary<string, int> _caseCounts = new(StringComparer.Ordinal);

        /// <summary>Cases learned from so far (a narrative without a content word teaches nothing and is not counted).</summary>
        public int Cases { get; private set; }

        public void Add(IReadOnlyList<TrainingCase> batch)
        {
            var analysed = new IReadOnlySet<string>[batch.Count];
            Parallel.For(0, batch.Count, i => analysed[i] = Words(analyzer, batch[i].Text));
            for (var i = 0; i < batch.Count; i++)
            {
                var words = analysed[i];
                if (words.Count == 0)
                {
                    continue;
                }

                Cases++;
                foreach (var word in words)
                {
                    _caseCounts[word] = _caseCounts.GetValueOrDefault(word) + 1;
                }

                var c = batch[i];
                _builders[CodeListNames.Product].Add(c.Product, words);
                _builders[CodeListNames.SalesForm].Add(c.SalesForm, words);
                foreach (var keyword in c.Keywords)
                {
                    _builders[CodeListNames.Keyword].Add(keyword, words);
                }

                _builders[CodeListNames.Result].Add(c.Result, words);
            }
        }

        public CaseCodeModel Build(DateTimeOffset now, IReadOnlyList<FieldQuality> quality)
        {
            var kept = _caseCounts.Where(w => w.Value >= MinCasesPerWord).Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
            return new CaseCodeModel(_builders.ToDictionary(b => b.Key, b => b.Value.Build(kept), StringComparer.Ordinal), Cases, now, quality);
        }
    }

    /// <summary>The classes of <paramref name="field"/> ranked for the words of <paramref name="text"/>, with posterior shares (summing to 1 over all classes).</summary>
    public IReadOnlyList<(string Code, double Share)> Rank(string field, IReadOnlySet<string> words, int limit)
    {
        if (!_fields.TryGetValue(field, out var model) || model.Classes.Count == 0 || words.Count == 0)
        {
            return [];
        }

        var scores = new List<(string Code, double Log)>(model.Classes.Count);
        foreach (var (code, stats) in model.Classes)
        {
            var log = Math.Log((double)stats.Documents / model.Documents);
            var denominator = Math.Log(stats.TotalWords + (Smoothing * model.Vocabulary));
            foreach (var word in words)
            {
                if (!model.Known.Contains(word))
                {
                    // A word no training case had says nothing about any class.
                    continue;
                }

                log += Math.Log(stats.Words.GetValueOrDefault(word) + Smoothing) - denominator;
            }

            scores.Add((code, log));
        }

        var best = scores.Max(s => s.Log);
        var total = scores.Sum(s => Math.Exp(s.Log - best));
        return [.. scores
            .OrderByDescending(s => s.Log)
            .ThenBy(s => s.Code, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(s => (s.Code, Math.Exp(s.Log - best) / total))];
    }

    /// <summary>The distinct content words of a narrative as the model reads them (folded base forms, stop words left out).</summary>
    public static IReadOnlySet<string> Words(IMorphologicalAnalyzer analyzer, string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in analyzer.Analyze(text))
        {
            // Personal names and numbers (amounts, dates, telephone numbers) never classify a trouble and must not be kept.
            if (token.IsContentWord && !StopWords.IsFunctionWord(token) && !StopWords.IsStopWord(token.BaseForm)
                && !token.PartOfSpeechDetail.Contains("人名", StringComparison.Ordinal) && !token.BaseForm.AsSpan().ContainsAny(Digits))
            {
                words.Add(JapaneseNormalizer.Fold(token.BaseForm));
            }
        }

        return words;
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789０１２３４５６７８９");

    public void Save(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        JsonSerializer.Serialize(zip, new ModelFile(FileFormat, Cases, TrainedAt, [.. Quality], _fields.ToDictionary(f => f.Key, f => f.Value.ToFile(), StringComparer.Ordinal)));
    }

    /// <summary>Reads a saved model; a damaged or foreign file is an <see cref="InvalidDataException"/>, never a half-read model.</summary>
    public static CaseCodeModel Load(Stream stream)
    {
        try
        {
            using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            var file = JsonSerializer.Deserialize<ModelFile>(zip) ?? throw new InvalidDataException("The model file is empty.");
            if (file.Format != FileFormat || file.Fields is null || FieldNames.Any(f => !file.Fields.ContainsKey(f)))
            {
                throw new InvalidDataException("The model file is not a case code model of this version.");
            }

            return new CaseCodeModel(file.Fields.ToDictionary(f => f.Key, f => FieldModel.From(f.Value), StringComparer.Ordinal), file.Cases, file.TrainedAt, file.Quality ?? []);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException("The model file could not be read: " + e.Message, e);
        }
    }

    private sealed class FieldBuilder
    {
        private readonly Dictionary<string, (int Documents, int TotalWords, Dictionary<string, int> Words)> _classes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
        private int _documents;

        public void Add(string? code, IReadOnlySet<string> words)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return;
            }

            _documents++;
            var known = _classes.TryGetValue(code, out var stats) ? stats : (0, 0, new Dictionary<string, int>(StringComparer.Ordinal));
            foreach (var word in words)
            {
                known.Item3[word] = known.Item3.GetValueOrDefault(word) + 1;
                _vocabulary.Add(word);
            }

            _classes[code] = (known.Item1 + 1, known.Item2 + words.Count, known.Item3);
        }

        /// <summary>The field's model over the <paramref name="kept"/> words only; a class's word total counts only those.</summary>
        public FieldModel Build(HashSet<string> kept)
        {
            var vocabulary = _vocabulary.Where(kept.Contains).ToHashSet(StringComparer.Ordinal);
            var classes = new Dictionary<string, ClassStats>(StringComparer.Ordinal);
            foreach (var (code, stats) in _classes)
            {
                var words = stats.Words.Where(w => kept.Contains(w.Key)).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
                classes[code] = new ClassStats(stats.Documents, words.Values.Sum(), words);
            }

            return new FieldModel(_documents, vocabulary.Count, vocabulary, classes);
        }
    }

    private sealed record ClassStats(int Documents, int TotalWords, Dictionary<string, int> Words);

    private sealed record FieldModel(int Documents, int Vocabulary, HashSet<string> Known, Dictionary<string, ClassStats> Classes)
    {
        public FieldFile ToFile() => new(Documents, [.. Known], Classes.ToDictionary(c => c.Key, c => new ClassFile(c.Value.Documents, c.Value.TotalWords, c.Value.Words), StringComparer.Ordinal));

        public static FieldModel From(FieldFile f)
        {
            var known = new HashSet<string>(f.Vocabulary ?? [], StringComparer.Ordinal);
            var classes = (f.Classes ?? []).ToDictionary(c => c.Key, c => new ClassStats(c.Value.Documents, c.Value.TotalWords, new Dictionary<string, int>(c.Value.Words ?? [], StringComparer.Ordinal)), StringComparer.Ordinal);
            return new FieldModel(f.Documents, known.Count, known, classes);
        }
    }

    /// <summary>2: words used by fewer than <see cref="MinCasesPerWord"/> cases left out, quality kept with the model.</summary>
    private const int FileFormat = 2;

    private sealed record ModelFile(int Format, int Cases, DateTimeOffset TrainedAt, List<FieldQuality>? Quality, Dictionary<string, FieldFile>? Fields);

    private sealed record FieldFile(int Documents, List<string>? Vocabulary, Dictionary<string, ClassFile>? Classes);

    private sealed record ClassFile(int Documents, int TotalWords, Dictionary<string, int>? Words);
}
