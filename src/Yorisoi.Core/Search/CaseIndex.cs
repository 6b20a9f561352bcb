using System.Globalization;
using Yorisoi.Core.CodeLists;
using Yorisoi.Text.Analysis;
using Yorisoi.Text.Search;

namespace Yorisoi.Core.Search;

/// <summary>
/// This host's case index on local disk. Searches read the current <see cref="TextIndex"/>; a rebuild makes a new one
/// in a new directory and <see cref="Swap"/> puts it in place between two searches, so search keeps answering from the
/// old one until then. The position in the outbox the index reflects is kept in its commit data, so the documents and
/// the position are durable together.
/// </summary>
public sealed class CaseIndex : IDisposable
{
    public const string PositionKey = "outboxPosition";
    public const string VersionKey = "schemaVersion";
    private const string PointerFile = "current";
    private const string Prefix = "cases-";

    private readonly ReaderWriterLockSlim _swap = new(LockRecursionPolicy.NoRecursion);
    private readonly IMorphologicalAnalyzer _analyzer;
    private readonly Lock _openLock = new();
    private TextIndex? _current;
    private string? _currentName;
    private bool _needsBuild;

    public CaseIndex(CaseSearchOptions options, string defaultDirectory, CodeListCatalog catalog, IMorphologicalAnalyzer analyzer)
    {
        Root = options.IndexDirectory ?? Path.Combine(defaultDirectory, "search", Environment.MachineName);
        Options = options;
        Schema = CaseIndexSchema.Create(catalog.Current);
        _analyzer = analyzer;
    }

    public string Root { get; }

    public CaseSearchOptions Options { get; }

    public TextIndexSchema Schema { get; }

    internal void BuildDone() => _needsBuild = false;

    /// <summary>True while the index is being built from all cases (first start or a rebuild); search answers with what it has.</summary>
    public bool IsBuilding { get; internal set; }

    /// <summary>The outbox position the current index has committed; null when it was never built.</summary>
    public long? Position => Read(index => index.CommitData.TryGetValue(PositionKey, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var p) ? p : (long?)null);

    public int Count => Read(index => index.Count);

    /// <summary>The directory (under <see cref="Root"/>) of the index in use.</summary>
    public string? CurrentName => _currentName;

    /// <summary>Whether the index opened at start was new, half built or of another schema version, so it must be built from all cases.</summary>
    internal bool NeedsBuild
    {
        get
        {
            EnsureOpen();
            return _needsBuild;
        }
    }

    internal void EnsureOpen()
    {
        if (Volatile.Read(ref _current) is not null)
        {
            return;
        }

        lock (_openLock)
        {
            if (_current is null)
            {
                _needsBuild = !Open();
            }
        }
    }

    /// <summary>Opens the index the pointer file names (or a new empty one). Returns whether it is complete and of this schema.</summary>
    private bool Open()
    {
        Directory.CreateDirectory(Root);
        var name = ReadPointer() ?? NewName();
        var index = OpenDirectory(name);
        _current = index;
        _currentName = name;
        WritePointer(name);
        DeleteOlderThan(name);
        var data = index.CommitData;
        return data.ContainsKey(PositionKey) && data.GetValueOrDefault(VersionKey) == CaseIndexSchema.Version;
    }

    /// <summary>Whether another process (the `reindex` command) pointed this host at a newer index.</summary>
    public string? PointedElsewhere() => ReadPointer() is { } name && name != _currentName ? name : null;

    /// <summary>A new, empty index in a new directory, for a rebuild.</summary>
    internal (TextIndex Index, string Name) CreateNext()
    {
        var name = NewName();
        return (OpenDirectory(name, Options.BuildRamBufferMb), name);
    }

    internal TextIndex OpenNamed(string name) => OpenDirectory(name);

    /// <summary>Puts a built index in place: searches that started before finish on the old one, which is then closed and deleted.</summary>
    internal void Swap(TextIndex next, string name)
    {
        EnsureOpen();
        TextIndex? old;
        string? oldName;
        _swap.EnterWriteLock();
        try
        {
            old = _current;
            oldName = _currentName;
            _current = next;
            _currentName = name;
        }
        finally
        {
            _swap.ExitWriteLock();
        }

        WritePointer(name);
        old?.Dispose();
        if (oldName is not null && oldName != name)
        {
            TryDelete(Path.Combine(Root, oldName));
        }
    }

    /// <summary>Runs <paramref name="read"/> on the current index; a swap waits until it is done.</summary>
    public T Read<T>(Func<TextIndex, T> read)
    {
        EnsureOpen();
        _swap.EnterReadLock();
        try
        {
            return read(_current ?? throw new InvalidOperationException("The case index is not open."));
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    internal void Write(Action<TextIndex> write) => Read(index =>
    {
        write(index);
        return 0;
    });

    public void Dispose()
    {
        _swap.EnterWriteLock();
        try
        {
            _current?.Dispose();
            _current = null;
        }
        finally
        {
            _swap.ExitWriteLock();
        }

        _swap.Dispose();
    }

    private TextIndex OpenDirectory(string name, double? ramBufferMb = null) =>
        TextIndex.Open(Path.Combine(Root, name), Schema, _analyzer, new TextIndexOptions { RamBufferSizeMb = ramBufferMb ?? 16 });

    // Names sort by creation time, so a rebuild still in progress in another process (always newer) is never deleted.
    private static string NewName() => Prefix + DateTime.UtcNow.Ticks.ToString("D19", CultureInfo.InvariantCulture);

    private string? ReadPointer()
    {
        var path = Path.Combine(Root, PointerFile);
        if (!File.Exists(path))
        {
            return null;
        }

        var name = File.ReadAllText(path).Trim();
        return name.StartsWith(Prefix, StringComparison.Ordinal) && Directory.Exists(Path.Combine(Root, name)) ? name : null;
    }

    // Written to a temporary file and renamed, so a reader sees the old name or the new one, never half of it.
    internal void WritePointer(string name)
    {
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, PointerFile + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        File.WriteAllText(temporary, name);
        File.Move(temporary, Path.Combine(Root, PointerFile), overwrite: true);
    }

    private void DeleteOlderThan(string name)
    {
        foreach (var directory in Directory.EnumerateDirectories(Root, Prefix + "*"))
        {
            var other = Path.GetFileName(directory);
            if (string.CompareOrdinal(other, name) < 0)
            {
                TryDelete(directory);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Another process may still hold it; the next start deletes it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
