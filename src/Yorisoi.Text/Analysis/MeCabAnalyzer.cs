using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;

namespace Yorisoi.Text.Analysis;

/// <summary>
/// MeCab with the UTF-8 IPADIC dictionary through libmecab's C API. One model (the dictionary, read-only and shared);
/// each parse borrows a tagger and lattice from a pool because those are not safe to use from two threads at once.
/// Text is normalised first (NFKC, lower case, kanji numerals before units) and offsets are mapped back to the
/// caller's text; consumer-affairs terms from the <see cref="UserTermList"/> are merged into one token.
/// </summary>
public sealed unsafe class MeCabAnalyzer : IMorphologicalAnalyzer, IDisposable
{
    private static readonly string[] DictionaryCandidates =
    [
        MeCabOptions.DebianIpadicUtf8,
        "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
        "/usr/lib/aarch64-linux-gnu/mecab/dic/ipadic-utf8",
        "/usr/local/lib/mecab/dic/ipadic-utf8",
        "/usr/local/lib/mecab/dic/ipadic",
        "/opt/homebrew/lib/mecab/dic/ipadic",
    ];

    private static readonly Lazy<MeCabAnalyzer> s_shared = new(() => new MeCabAnalyzer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentBag<Worker> _pool = [];
    private readonly List<Worker> _all = [];
    private readonly Lock _allLock = new();
    private readonly int _maxChunk;
    private readonly ConcurrentDictionary<string, MorphToken[]> _parts = new(StringComparer.Ordinal);
    private readonly FeatureCache _features = new();
    private readonly Lazy<MeCabAnalyzer>? _plain;
    private IntPtr _model;

    public MeCabAnalyzer(MeCabOptions? options = null)
    {
        options ??= new MeCabOptions();
        MeCabNative.Configure(options.LibraryPath);
        MeCabNative.EnsureLoaded();
        DictionaryDirectory = FindDictionary(options.DictionaryDirectory);
        UserTerms = options.UserTerms ?? UserTermList.Default;
        _maxChunk = Math.Max(64, options.MaxChunkLength);

        // argv form: the directory is passed as one argument, so a path with spaces needs no quoting. "-r /dev/null"
        // keeps the system mecabrc (which may point at the EUC-JP dictionary) out of the picture.
        List<string> arguments = ["mecab", "-r", OperatingSystem.IsWindows() ? "NUL" : "/dev/null", "-d", DictionaryDirectory];
        if (options.CompileUserDictionary)
        {
            CompiledUserDictionary = UserDictionaryCompiler.TryCompile(UserTerms, options.CacheDirectory, out var problem);
            UserDictionaryProblem = problem;
            if (CompiledUserDictionary is not null)
            {
                arguments.AddRange(["-u", CompiledUserDictionary]);
            }
        }

        _model = NewModel([.. arguments]);
        if (_model == IntPtr.Zero && CompiledUserDictionary is not null)
        {
            // A user dictionary MeCab refuses (another charset than the system dictionary) must not stop analysis.
            UserDictionaryProblem = $"MeCab refused the user dictionary {CompiledUserDictionary}.";
            CompiledUserDictionary = null;
            _model = NewModel([.. arguments[..^2]]);
        }
        if (_model == IntPtr.Zero)
        {
            throw new MeCabNotAvailableException($"MeCab could not open the dictionary in {DictionaryDirectory}.");
        }

        var info = MeCabNative.ModelDictionaryInfo(_model);
        var charset = info is null ? null : Marshal.PtrToStringUTF8((IntPtr)info->Charset);
        if (charset is null || !charset.Replace("-", string.Empty, StringComparison.Ordinal).Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            MeCabNative.ModelDestroy(_model);
            _model = IntPtr.Zero;
            throw new MeCabNotAvailableException($"The MeCab dictionary in {DictionaryDirectory} is encoded as {charset ?? "unknown"}, not UTF-8.");
        }

        Version = MeCabNative.Version();
        if (UserTerms.Count > 0)
        {
            var plainOptions = new MeCabOptions
            {
                DictionaryDirectory = DictionaryDirectory,
                LibraryPath = options.LibraryPath,
                MaxChunkLength = _maxChunk,
                UserTerms = UserTermList.Empty,
                CompileUserDictionary = false,
            };
            _plain = new Lazy<MeCabAnalyzer>(() => new MeCabAnalyzer(plainOptions), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>One analyser for the process: the dictionary is loaded once (about 50 MB mapped).</summary>
    public static MeCabAnalyzer Shared => s_shared.Value;

    public string DictionaryDirectory { get; }

    public string Version { get; }

    public UserTermList UserTerms { get; }

    /// <summary>The compiled user dictionary MeCab uses, or null when only the merge after MeCab applies the user terms.</summary>
    public string? CompiledUserDictionary { get; private set; }

    /// <summary>Why the user dictionary could not be compiled, for the start-up log; null when it was or was not asked for.</summary>
    public string? UserDictionaryProblem { get; private set; }

    public IReadOnlyList<MorphToken> Analyze(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        ObjectDisposedException.ThrowIf(_model == IntPtr.Zero, this);
        var normalized = JapaneseNormalizer.Normalize(text);
        var raw = new List<RawToken>(normalized.Text.Length / 2);
        var worker = Rent();
        try
        {
            foreach (var (start, length) in Chunks(normalized.Text, _maxChunk))
            {
                Parse(worker, _features, normalized.Text, start, length, raw);
            }
        }
        finally
        {
            _pool.Add(worker);
        }

        var merged = UserTerms.Merge(raw, normalized.Text);
        var tokens = new MorphToken[merged.Count];
        for (var i = 0; i < merged.Count; i++)
        {
            var t = merged[i];
            var (start, length) = normalized.ToOriginal(t.Start, t.Length);
            tokens[i] = new MorphToken(t.Surface, t.BaseForm, t.PartOfSpeech, t.Detail, t.Reading, start, length, t.IsUnknown);
        }

        return tokens;
    }

    public IReadOnlyList<MorphToken> PartsOf(MorphToken token)
    {
        if (_plain is null || !UserTerms.TryGet(token.Surface, out _))
        {
            return [];
        }

        var parts = _parts.GetOrAdd(token.Surface, surface => [.. _plain.Value.Analyze(surface)]);
        if (parts.Length <= 1)
        {
            return [];
        }

        // Parts can be placed exactly only where normalisation kept the length (not for ｸｰﾘﾝｸﾞ･ｵﾌ → クーリング・オフ).
        var exact = token.Length == token.Surface.Length;
        return [.. parts.Select(p => p with { Start = exact ? token.Start + p.Start : token.Start, Length = exact ? p.Length : token.Length })];
    }

    public void Dispose()
    {
        if (_plain is { IsValueCreated: true })
        {
            _plain.Value.Dispose();
        }

        lock (_allLock)
        {
            foreach (var worker in _all)
            {
                MeCabNative.LatticeDestroy(worker.Lattice);
                MeCabNative.TaggerDestroy(worker.Tagger);
            }

            _all.Clear();
            _pool.Clear();
            if (_model != IntPtr.Zero)
            {
                MeCabNative.ModelDestroy(_model);
                _model = IntPtr.Zero;
            }
        }
    }

    internal static string FindDictionary(string? configured)
    {
        configured ??= Environment.GetEnvironmentVariable("YORISOI_MECAB_DICDIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "sys.dic"))
                ? configured
                : throw new MeCabNotAvailableException($"The configured MeCab dictionary directory {configured} holds no sys.dic.");
        }

        return DictionaryCandidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "sys.dic")))
            ?? throw new MeCabNotAvailableException($"No UTF-8 IPADIC dictionary for MeCab was found (looked in {string.Join(", ", DictionaryCandidates)}).");
    }

    // Sentence ends and line breaks are where MeCab would reset its context anyway; white space is next best.
    internal static IEnumerable<(int Start, int Length)> Chunks(string text, int max)
    {
        var start = 0;
        while (text.Length - start > max)
        {
            var cut = -1;
            for (var i = start + max - 1; i > start + (max / 2); i--)
            {
                if (text[i] is '。' or '！' or '？' or '!' or '?' or '\n' or '．')
                {
                    cut = i + 1;
                    break;
                }
            }

            if (cut < 0)
            {
                for (var i = start + max - 1; i > start + (max / 2); i--)
                {
                    if (char.IsWhiteSpace(text[i]) || text[i] is '、' or ',')
                    {
                        cut = i + 1;
                        break;
                    }
                }
            }

            if (cut < 0)
            {
                cut = start + max;
                if (char.IsLowSurrogate(text[cut]))
                {
                    cut--;
                }
            }

            yield return (start, cut - start);
            start = cut;
        }

        if (start < text.Length)
        {
            yield return (start, text.Length - start);
        }
    }

    private static IntPtr NewModel(string[] arguments)
    {
        var pointers = new IntPtr[arguments.Length];
        try
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                pointers[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            fixed (IntPtr* argv = pointers)
            {
                return MeCabNative.ModelNew(arguments.Length, argv);
            }
        }
        finally
        {
            foreach (var pointer in pointers)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    private static void Parse(Worker worker, FeatureCache features, string text, int chunkStart, int chunkLength, List<RawToken> output)
    {
        var chunk = text.AsSpan(chunkStart, chunkLength);
        var byteCount = Encoding.UTF8.GetByteCount(chunk);
        var buffer = ArrayPool<byte>.Shared.Rent(byteCount + 1);
        try
        {
            Encoding.UTF8.GetBytes(chunk, buffer);
            buffer[byteCount] = 0;
            fixed (byte* sentence = buffer)
            {
                MeCabNative.LatticeSetSentence2(worker.Lattice, sentence, (nuint)byteCount);
                if (MeCabNative.ParseLattice(worker.Tagger, worker.Lattice) == 0)
                {
                    throw new InvalidOperationException("MeCab failed to parse: " + MeCabNative.LatticeStrError(worker.Lattice));
                }

                // Nodes come in text order, so byte offsets turn into UTF-16 offsets with one forward walk.
                var bytePos = 0;
                var charPos = 0;
                for (var node = MeCabNative.LatticeGetBosNode(worker.Lattice); node is not null; node = node->Next)
                {
                    if (node->Stat is MeCabNative.NodeBos or MeCabNative.NodeEos || node->Length == 0)
                    {
                        continue;
                    }

                    var begin = (int)(node->Surface - sentence);
                    charPos = Advance(buffer, bytePos, begin, charPos);
                    var startChar = charPos;
                    charPos = Advance(buffer, begin, begin + node->Length, charPos);
                    bytePos = begin + node->Length;
                    var surface = text.Substring(chunkStart + startChar, charPos - startChar);
                    var feature = features.Get(node->Feature);
                    output.Add(new RawToken(surface, feature.BaseForm ?? surface, feature.PartOfSpeech, feature.Detail, feature.Reading, chunkStart + startChar, surface.Length, node->Stat == MeCabNative.NodeUnknown));
                }
            }
        }
        finally
        {
            MeCabNative.LatticeClear(worker.Lattice);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Advance(byte[] utf8, int fromByte, int toByte, int charPos)
    {
        for (var b = fromByte; b < toByte; b++)
        {
            var value = utf8[b];
            if ((value & 0xC0) != 0x80)
            {
                charPos += value >= 0xF0 ? 2 : 1;
            }
        }

        return charPos;
    }

    private Worker Rent()
    {
        if (_pool.TryTake(out var worker))
        {
            return worker;
        }

        var tagger = MeCabNative.ModelNewTagger(_model);
        var lattice = MeCabNative.ModelNewLattice(_model);
        if (tagger == IntPtr.Zero || lattice == IntPtr.Zero)
        {
            throw new InvalidOperationException("MeCab could not create a tagger: " + MeCabNative.StrError(tagger));
        }

        worker = new Worker(tagger, lattice);
        lock (_allLock)
        {
            _all.Add(worker);
        }

        return worker;
    }

    private sealed record Worker(IntPtr Tagger, IntPtr Lattice);
}
