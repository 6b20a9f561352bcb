using Yorisoi.Testing.Postgres;

namespace Yorisoi.Bench;

/// <summary>
/// The benchmark's throwaway PostgreSQL cluster (<see cref="PostgresServer"/>, shared with the integration tests),
/// set up like a modest production server sized for this machine rather than the tests' fsync=off.
/// </summary>
public static class PostgresCluster
{
    /// <summary>
    /// A production-like configuration for a 24 GB, 2-core box: durability on (fsync, synchronous commit),
    /// room for the load's WAL without forced checkpoints, SSD cost model, pg_stat_statements for diagnosis.
    /// </summary>
    public static PostgresServerOptions Options { get; } = new()
    {
        DirectoryPrefix = "yorisoi-bench-pg-",
        Durable = true,
        Settings =
        [
            "shared_buffers = 2GB",
            "effective_cache_size = 12GB",
            "work_mem = 16MB",
            "maintenance_work_mem = 1GB",
            "max_wal_size = 16GB",
            "checkpoint_timeout = 30min",
            "random_page_cost = 1.1",
            "effective_io_concurrency = 100",
            "max_parallel_workers_per_gather = 1",
            "max_parallel_maintenance_workers = 1",
            "shared_preload_libraries = 'pg_stat_statements'",
            "pg_stat_statements.track = all",
            "max_connections = 200",
        ],
    };

    public static async Task<PostgresServer> StartAsync(TextWriter log)
    {
        var server = await PostgresServer.StartAsync(Options);
        await log.WriteLineAsync($"PostgreSQL started on 127.0.0.1:{server.Port} ({server.Version}), data in {server.DataDirectory}");
        return server;
    }
}
