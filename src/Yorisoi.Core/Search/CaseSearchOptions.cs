namespace Yorisoi.Core.Search;

/// <summary>Configuration section "Search".</summary>
public sealed class CaseSearchOptions
{
    /// <summary>
    /// Where this host keeps its case index; null means "search/{machine name}" under the DataDirectory, so hosts
    /// that share a data volume still keep one index each. Each rebuild is a new subdirectory; the file "current" names
    /// the one in use.
    /// </summary>
    public string? IndexDirectory { get; set; }

    /// <summary>Run the indexer in this host (off only for hosts that neither search nor index, and for some tests).</summary>
    public bool IndexerEnabled { get; set; } = true;

    /// <summary>How often the outbox is read when it had nothing new.</summary>
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>Outbox messages and cases read per batch; the index is committed once per batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// A missing outbox id may belong to a transaction that has not committed yet (PostgreSQL hands out ids at insert,
    /// and transactions commit in any order). The recorded position stays before such a gap for this long; after that
    /// the gap counts as a rolled-back transaction.
    /// </summary>
    public int GapSeconds { get; set; } = 5;

    /// <summary>Outbox messages older than this are deleted (the newest one is always kept).</summary>
    public int OutboxRetentionDays { get; set; } = 7;

    /// <summary>How often a host prunes the outbox.</summary>
    public int PruneIntervalMinutes { get; set; } = 60;

    /// <summary>Writer buffer for a full build; more is faster.</summary>
    public double BuildRamBufferMb { get; set; } = 128;
}
