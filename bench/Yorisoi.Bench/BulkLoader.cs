using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Demo;
using Yorisoi.Core.Security;

namespace Yorisoi.Bench;

public sealed record LoadResult(
    int Cases,
    long Keywords,
    long HandlingLogEntries,
    TimeSpan Elapsed,
    TimeSpan GeneratorBusy,
    TimeSpan VacuumAnalyze,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<Guid, int> CasesByCenter)
{
    public double CasesPerSecond => Cases / Elapsed.TotalSeconds;

    /// <summary>Time until every row was in; the rest of <see cref="Elapsed"/> rebuilt the secondary indexes.</summary>
    public TimeSpan CopyElapsed { get; init; }

    public int IndexCount { get; init; }

    public long WalBytes { get; init; }

    /// <summary>CPU used by the bench process (generating, encrypting, sending) during the load.</summary>
    public TimeSpan BenchCpu { get; init; }

    /// <summary>CPU used by the PostgreSQL backends that ran the COPY commands.</summary>
    public TimeSpan BackendCpu { get; init; }
}

/// <summary>
/// Generates cases in receipt order and streams them into PostgreSQL with binary COPY: one thread generates
/// (and encrypts, hashes, numbers), one thread per table writes, so generation and the server's insert work
/// run on both cores at once. Rows are stored exactly as EF would store them: personal fields encrypted
/// with the host's key, phone numbers hashed with its lookup key, one Created history row per case.
/// </summary>
public sealed class BulkLoader(BenchWorld world, PersonalDataCipher cipher, LookupHasher hasher, string connectionString, TextWriter log)
{
    // Small batches and short queues: every queued case is still alive when the GC runs, and copying
    // survivors was most of the GC's cost with batches of 1,000.
    private const int BatchSize = 250;
    private const int QueuedBatches = 4;

    public async Task<LoadResult> LoadAsync(int count, int years, int seed, DateTimeOffset now, CancellationToken ct)
    {
        var today = FiscalYear.ToJapanTime(now).Date;
        var from = new DateTimeOffset(FiscalYear.Of(now) - years + 1, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));
        var tables = new[]
        {
            // Encryption runs on the cases writer's thread, so it overlaps generation instead of adding to it.
            new Table("cases", CaseColumns, (w, c) =>
            {
                Protect(c);
                return WriteCase(w, c);
            }),
            new Table("case_keywords", "case_id, code", WriteKeywords),
            new Table("handling_log_entries", "id, case_id, kind, occurred_at, method_code, counterpart_code, counterpart_name, text, created_at, created_by_id, created_by_name", WriteHandlingLog),
            new Table("case_changes", "case_id, at, user_id, user_name, kind, field, is_personal, old_value, new_value, comment", WriteCreatedChange),
        };

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var walBefore = await WalPositionAsync(ct);
        var indexes = await DropSecondaryIndexesAsync(tables.Select(t => t.Name).ToArray(), ct);
        var writers = tables.Select(t => Task.Factory.StartNew(() => t.Run(connectionString, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var sequences = new Dictionary<(Guid, int), int>();
        var generatorBusy = Stopwatch.StartNew();
        try
        {
            Generate(count, seed, from, today, now, sequences, protect: false, batch =>
            {
                generatorBusy.Stop();
                foreach (var table in tables)
                {
                    table.Queue.Add(batch, ct);
                }

                generatorBusy.Start();
            });
        }
        finally
        {
            foreach (var table in tables)
            {
                table.Queue.CompleteAdding();
            }
        }

        generatorBusy.Stop();
        var rows = await Task.WhenAll(writers);
        await WriteReceiptCountersAsync(sequences, ct);
        var copied = stopwatch.Elapsed;
        await CreateIndexesAsync(indexes, ct);
        stopwatch.Stop();
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var walBytes = await WalPositionAsync(ct) - walBefore;
        var backendCpu = tables.Select(t => t.BackendCpu).ToList();
        await log.WriteLineAsync($"Loaded {count:N0} cases in {stopwatch.Elapsed.TotalSeconds:F1} s ({count / stopwatch.Elapsed.TotalSeconds:N0} cases/s): COPY {copied.TotalSeconds:F1} s, " +
                                 $"{indexes.Count} indexes rebuilt in {(stopwatch.Elapsed - copied).TotalSeconds:F1} s; generator busy {generatorBusy.Elapsed.TotalSeconds:F1} s");
        await log.WriteLineAsync($"CPU: bench process {benchCpu.TotalSeconds:F1} s (GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F1} s, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}), " +
                                 $"PostgreSQL COPY backends {string.Join(" + ", tables.Select(t => $"{t.Name} {t.BackendCpu.TotalSeconds:F1}"))} s; WAL written {walBytes / (1024.0 * 1024 * 1024):F2} GB");

        // What autovacuum would do after a bulk load: statistics for the planner and a visibility map for index-only scans.
        var vacuum = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            foreach (var table in tables.Select(t => t.Name).Append("receipt_counters"))
            {
                await using var command = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync(ct);
            }

            await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection) { CommandTimeout = 0 };
            await checkpoint.ExecuteNonQueryAsync(ct);
        }

        vacuum.Stop();
        await log.WriteLineAsync($"VACUUM ANALYZE and CHECKPOINT took {vacuum.Elapsed.TotalSeconds:F1} s");
        var byCenter = sequences.GroupBy(kv => kv.Key.Item1).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        return new LoadResult(count, rows[1], rows[2], stopwatch.Elapsed, generatorBusy.Elapsed, vacuum.Elapsed, from, now, byCenter)
        {
            BenchCpu = benchCpu,
            WalBytes = walBytes,
            CopyElapsed = copied,
            IndexCount = indexes.Count,
            BackendCpu = backendCpu.Aggregate(TimeSpan.Zero, (a, b) => a + b),
        };
    }

    /// <summary>Makes <paramref name="count"/> cases in receipt order, numbered per center and fiscal year, ready to store.</summary>
    public void Generate(int count, int seed, DateTimeOffset from, DateTime today, DateTimeOffset now, Dictionary<(Guid, int), int> sequences, bool protect, Action<Case[]> onBatch)
    {
        var generator = new SyntheticCaseGenerator(world.Catalog.Current, world.Centers, seed);
        var random = new Random(seed + 1);
        var centerWeights = Cumulative(world.Centers.Select(c => c.Weight));
        var batch = new List<Case>(BatchSize);
        long protectTicks = 0;
        foreach (var receivedAt in CaseSchedule.Times(count, from, today, random))
        {
            var center = world.Centers[Pick(centerWeights, random)];
            var c = generator.Next(center, receivedAt, now);
            c.FiscalYear = FiscalYear.Of(c.ReceivedAt);
            var key = (c.CenterId, c.FiscalYear);
            c.ReceiptSequence = sequences[key] = sequences.GetValueOrDefault(key) + 1;
            c.ReceiptNumber = ReceiptNumberAllocator.Format(c.FiscalYear, world.CenterCodes[c.CenterId], c.ReceiptSequence);
            if (world.StaffByCenter.TryGetValue(c.CenterId, out var staff))
            {
                c.AssigneeId = staff[random.Next(staff.Length)];
                if (c.Status == CaseStatus.Completed)
                {
                    c.ApprovedById = staff[^1];
                }
            }

            if (protect)
            {
                var protecting = Stopwatch.GetTimestamp();
                Protect(c);
                protectTicks += Stopwatch.GetTimestamp() - protecting;
            }

            batch.Add(c);
            if (batch.Count == BatchSize)
            {
                onBatch([.. batch]);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            onBatch([.. batch]);
        }

        ProtectTime = Stopwatch.GetElapsedTime(0, protectTicks);
    }

    /// <summary>Time the last <see cref="Generate"/> spent encrypting and hashing personal fields.</summary>
    public TimeSpan ProtectTime { get; private set; }

    /// <summary>Personal fields in their stored form, as the DbContext's value converters and CaseService write them.</summary>
    private void Protect(Case c)
    {
        var contractHash = hasher.Hash(CaseValidator.NormalizePhone(c.ContractParty.Phone));
        // The hash is deterministic: when the consultant is the contract party, the same phone needs no second normalisation.
        var consultantHash = c.Consultant.Phone == c.ContractParty.Phone ? contractHash : hasher.Hash(CaseValidator.NormalizePhone(c.Consultant.Phone));
        Protect(c.Consultant, consultantHash);
        Protect(c.ContractParty, contractHash);
    }

    private void Protect(Party p, string? phoneHash)
    {
        p.PhoneHash = phoneHash;
        p.Name = cipher.Encrypt(p.Name);
        p.NameKana = cipher.Encrypt(p.NameKana);
        p.Phone = cipher.Encrypt(p.Phone);
        p.Email = cipher.Encrypt(p.Email);
        p.PostalCode = cipher.Encrypt(p.PostalCode);
        p.Address = cipher.Encrypt(p.Address);
        p.ContactNote = cipher.Encrypt(p.ContactNote);
    }

    private async Task<long> WalPositionAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Drops the tables' secondary indexes (not primary keys), returning their definitions. Building an index once over
    /// all rows is several times cheaper than maintaining it row by row, which is what pg_restore relies on too.
    /// </summary>
    private async Task<List<string>> DropSecondaryIndexesAsync(string[] tableNames, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var definitions = new List<(string Name, string Definition)>();
        await using (var query = new NpgsqlCommand(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ANY($1) " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY i.tablename, i.indexname", connection))
        {
            query.Parameters.Add(new NpgsqlParameter { Value = tableNames });
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                definitions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in definitions)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }

        // The cases table's indexes are the big ones; starting them first keeps both builders busy to the end.
        return definitions.OrderByDescending(d => d.Definition.Contains(" ON public.cases ", StringComparison.Ordinal)).Select(d => d.Definition).ToList();
    }

    /// <summary>Recreates the dropped indexes from their exact definitions, two at a time (one per core).</summary>
    private async Task CreateIndexesAsync(List<string> definitions, CancellationToken ct)
    {
        var queue = new ConcurrentQueue<string>(definitions);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            while (queue.TryDequeue(out var definition))
            {
                await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
                await create.ExecuteNonQueryAsync(ct);
            }
        }));
    }

    private async Task WriteReceiptCountersAsync(Dictionary<(Guid, int), int> sequences, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var importer = await connection.BeginBinaryImportAsync("COPY receipt_counters (center_id, fiscal_year, last_sequence) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var ((center, year), last) in sequences)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(center, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(year, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(last, NpgsqlDbType.Integer, ct);
        }

        await importer.CompleteAsync(ct);
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        return index < 0 ? Math.Min(~index, cumulative.Length - 1) : index;
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }

    private const string CaseColumns =
        "id, center_id, fiscal_year, receipt_sequence, receipt_number, client_request_id, received_at, channel_code, code_list_version, status, assignee_id, " +
        "consultant_name, consultant_name_kana, consultant_phone, consultant_email, consultant_postal_code, consultant_address, consultant_contact_note, " +
        "consultant_phone_hash, consultant_age_band_code, consultant_gender_code, consultant_occupation_code, consultant_municipality_code, relationship_code, " +
        "contract_party_name, contract_party_name_kana, contract_party_phone, contract_party_email, contract_party_postal_code, contract_party_address, contract_party_contact_note, " +
        "contract_party_phone_hash, contract_party_age_band_code, contract_party_gender_code, contract_party_occupation_code, contract_party_municipality_code, " +
        "business_name, business_name_kana, business_address, business_phone, business_url, business_corporate_number, business_name_folded, " +
        "summary, consumer_request_code, consumer_request_note, product_code, sales_form_code, payment_method_code, " +
        "amount_billed, contract_amount, amount_paid, amount_relieved, contract_date, document_received_date, harm_code, result_code, " +
        "consent_to_disclose_to_business, consent_to_share_with_centers, is_mediation, mediation_started_at, mediation_ended_at, mediation_outcome, " +
        "approved_by_id, approved_at, return_comment, created_at, created_by_id, updated_at, updated_by_id, version";

    private static readonly short CaseColumnCount = (short)CaseColumns.Split(',').Length;

    private static long WriteCase(CopyWriter w, Case c)
    {
        w.StartRow(CaseColumnCount);
        w.Uuid(c.Id);
        w.Uuid(c.CenterId);
        w.Integer4(c.FiscalYear);
        w.Integer4(c.ReceiptSequence);
        w.Text(c.ReceiptNumber);
        w.Uuid(c.ClientRequestId);
        w.Timestamp(c.ReceivedAt);
        w.Text(c.ChannelCode);
        w.Text(c.CodeListVersion);
        w.Integer4((int)c.Status);
        w.Uuid(c.AssigneeId);
        WriteParty(w, c.Consultant);
        w.Text(c.RelationshipCode);
        WriteParty(w, c.ContractParty);
        w.Text(c.Business.Name);
        w.Text(c.Business.NameKana);
        w.Text(c.Business.Address);
        w.Text(c.Business.Phone);
        w.Text(c.Business.Url);
        w.Text(c.Business.CorporateNumber);
        w.Text(c.Business.NameFolded);
        w.Text(c.Summary);
        w.Text(c.ConsumerRequestCode);
        w.Text(c.ConsumerRequestNote);
        w.Text(c.ProductCode);
        w.Text(c.SalesFormCode);
        w.Text(c.PaymentMethodCode);
        w.BigInt(c.AmountBilled);
        w.BigInt(c.ContractAmount);
        w.BigInt(c.AmountPaid);
        w.BigInt(c.AmountRelieved);
        w.Date(c.ContractDate);
        w.Date(c.DocumentReceivedDate);
        w.Text(c.HarmCode);
        w.Text(c.ResultCode);
        w.Bool(c.ConsentToDiscloseToBusiness);
        w.Bool(c.ConsentToShareWithCenters);
        w.Bool(c.IsMediation);
        w.Timestamp(c.MediationStartedAt);
        w.Timestamp(c.MediationEndedAt);
        w.Integer4((int)c.MediationOutcome);
        w.Uuid(c.ApprovedById);
        w.Timestamp(c.ApprovedAt);
        w.Text(c.ReturnComment);
        w.Timestamp(c.CreatedAt);
        w.Uuid(c.CreatedById);
        w.Timestamp(c.UpdatedAt);
        w.Uuid(c.UpdatedById);
        w.Integer4(c.Version);
        return 1;
    }

    private static void WriteParty(CopyWriter w, Party p)
    {
        w.Text(p.Name);
        w.Text(p.NameKana);
        w.Text(p.Phone);
        w.Text(p.Email);
        w.Text(p.PostalCode);
        w.Text(p.Address);
        w.Text(p.ContactNote);
        w.Text(p.PhoneHash);
        w.Text(p.AgeBandCode);
        w.Text(p.GenderCode);
        w.Text(p.OccupationCode);
        w.Text(p.MunicipalityCode);
    }

    private static long WriteKeywords(CopyWriter w, Case c)
    {
        foreach (var k in c.Keywords)
        {
            w.StartRow(2);
            w.Uuid(c.Id);
            w.Text(k.Code);
        }

        return c.Keywords.Count;
    }

    private static long WriteHandlingLog(CopyWriter w, Case c)
    {
        foreach (var e in c.HandlingLog)
        {
            w.StartRow(11);
            w.Uuid(e.Id);
            w.Uuid(c.Id);
            w.Integer4((int)e.Kind);
            w.Timestamp(e.OccurredAt);
            w.Text(e.MethodCode);
            w.Text(e.CounterpartCode);
            w.Text(e.CounterpartName);
            w.Text(e.Text);
            w.Timestamp(e.CreatedAt);
            w.Uuid(e.CreatedById);
            w.Text(e.CreatedByName);
        }

        return c.HandlingLog.Count;
    }

    /// <summary>The history row the CaseHistoryInterceptor writes when a case is added under the system scope.</summary>
    private static long WriteCreatedChange(CopyWriter w, Case c)
    {
        w.StartRow(10);
        w.Uuid(c.Id);
        w.Timestamp(c.CreatedAt);
        w.Null();
        w.Text("system");
        w.Integer4((int)CaseChangeKind.Created);
        w.Null();
        w.Bool(false);
        w.Null();
        w.Null();
        w.Null();
        return 1;
    }

    private sealed class Table(string name, string columns, Func<CopyWriter, Case, long> write)
    {
        public string Name => name;

        public BlockingCollection<Case[]> Queue { get; } = new(QueuedBatches);

        /// <summary>CPU time of the PostgreSQL backend that ran this table's COPY (zero when /proc cannot tell).</summary>
        public TimeSpan BackendCpu { get; private set; }

        private static TimeSpan ProcessCpu(int pid)
        {
            try
            {
                // Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks (100 per second on Linux).
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds(ticks / 100.0);
            }
            catch (IOException)
            {
                return TimeSpan.Zero;
            }
        }

        public long Run(string connectionString, CancellationToken ct)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            // The rows are consistent by construction; skipping the per-row foreign-key triggers is what
            // pg_restore --disable-triggers does, and lets each table stream on its own connection.
            using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
            {
                replica.ExecuteNonQuery();
            }

            using var importer = new CopyWriter(connection, $"COPY {name} ({columns}) FROM STDIN (FORMAT BINARY)");
            long rows = 0;
            try
            {
                foreach (var batch in Queue.GetConsumingEnumerable(ct))
                {
                    foreach (var c in batch)
                    {
                        rows += write(importer, c);
                    }
                }
            }
            catch
            {
                // Keep the generator from blocking on a queue nobody reads any more.
                Queue.CompleteAdding();
                throw;
            }

            importer.Complete();
            BackendCpu = ProcessCpu(connection.ProcessID);
            return rows;
        }
    }
}
