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
}

/// <summary>
/// Generates cases in receipt order and streams them into PostgreSQL with binary COPY: one thread generates
/// (and encrypts, hashes, numbers), one thread per table writes, so generation and the server's insert work
/// run on both cores at once. Rows are stored exactly as EF would store them: personal fields encrypted
/// with the host's key, phone numbers hashed with its lookup key, one Created history row per case.
/// </summary>
public sealed class BulkLoader(BenchWorld world, PersonalDataCipher cipher, LookupHasher hasher, string connectionString, TextWriter log)
{
    private const int BatchSize = 1000;
    private const int QueuedBatches = 16;

    public async Task<LoadResult> LoadAsync(int count, int years, int seed, DateTimeOffset now, CancellationToken ct)
    {
        var today = FiscalYear.ToJapanTime(now).Date;
        var from = new DateTimeOffset(FiscalYear.Of(now) - years + 1, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));
        var tables = new[]
        {
            new Table("cases", CaseColumns, WriteCase),
            new Table("case_keywords", "case_id, code", WriteKeywords),
            new Table("handling_log_entries", "id, case_id, kind, occurred_at, method_code, counterpart_code, counterpart_name, text, created_at, created_by_id, created_by_name", WriteHandlingLog),
            new Table("case_changes", "case_id, at, user_id, user_name, kind, field, is_personal, old_value, new_value, comment", WriteCreatedChange),
        };

        var stopwatch = Stopwatch.StartNew();
        var writers = tables.Select(t => Task.Factory.StartNew(() => t.Run(connectionString, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var sequences = new Dictionary<(Guid, int), int>();
        var generatorBusy = Stopwatch.StartNew();
        try
        {
            Generate(count, seed, from, today, now, sequences, batch =>
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
        stopwatch.Stop();
        await log.WriteLineAsync($"Loaded {count:N0} cases in {stopwatch.Elapsed.TotalSeconds:F1} s ({count / stopwatch.Elapsed.TotalSeconds:N0} cases/s); generator busy {generatorBusy.Elapsed.TotalSeconds:F1} s");

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
        return new LoadResult(count, rows[1], rows[2], stopwatch.Elapsed, generatorBusy.Elapsed, vacuum.Elapsed, from, now, byCenter);
    }

    /// <summary>Makes <paramref name="count"/> cases in receipt order, numbered per center and fiscal year, ready to store.</summary>
    public void Generate(int count, int seed, DateTimeOffset from, DateTime today, DateTimeOffset now, Dictionary<(Guid, int), int> sequences, Action<Case[]> onBatch)
    {
        var generator = new SyntheticCaseGenerator(world.Catalog.Current, world.Centers, seed);
        var random = new Random(seed + 1);
        var centerWeights = Cumulative(world.Centers.Select(c => c.Weight));
        var batch = new List<Case>(BatchSize);
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

            Protect(c.Consultant);
            Protect(c.ContractParty);
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
    }

    /// <summary>The stored form of a party, as the DbContext's value converters and CaseService write it.</summary>
    private void Protect(Party p)
    {
        p.PhoneHash = hasher.Hash(CaseValidator.NormalizePhone(p.Phone));
        p.Name = cipher.Encrypt(p.Name);
        p.NameKana = cipher.Encrypt(p.NameKana);
        p.Phone = cipher.Encrypt(p.Phone);
        p.Email = cipher.Encrypt(p.Email);
        p.PostalCode = cipher.Encrypt(p.PostalCode);
        p.Address = cipher.Encrypt(p.Address);
        p.ContactNote = cipher.Encrypt(p.ContactNote);
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

    private static long WriteCase(NpgsqlBinaryImporter w, Case c)
    {
        w.StartRow();
        w.Write(c.Id, NpgsqlDbType.Uuid);
        w.Write(c.CenterId, NpgsqlDbType.Uuid);
        w.Write(c.FiscalYear, NpgsqlDbType.Integer);
        w.Write(c.ReceiptSequence, NpgsqlDbType.Integer);
        w.Write(c.ReceiptNumber, NpgsqlDbType.Varchar);
        w.Value(c.ClientRequestId);
        w.Write(c.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        w.Write(c.ChannelCode, NpgsqlDbType.Varchar);
        w.Write(c.CodeListVersion, NpgsqlDbType.Varchar);
        w.Write((int)c.Status, NpgsqlDbType.Integer);
        w.Value(c.AssigneeId);
        WriteParty(w, c.Consultant);
        w.Text(c.RelationshipCode, NpgsqlDbType.Varchar);
        WriteParty(w, c.ContractParty);
        w.Text(c.Business.Name, NpgsqlDbType.Varchar);
        w.Text(c.Business.NameKana, NpgsqlDbType.Varchar);
        w.Text(c.Business.Address, NpgsqlDbType.Varchar);
        w.Text(c.Business.Phone, NpgsqlDbType.Varchar);
        w.Text(c.Business.Url, NpgsqlDbType.Varchar);
        w.Text(c.Business.CorporateNumber, NpgsqlDbType.Varchar);
        w.Text(c.Business.NameFolded, NpgsqlDbType.Varchar);
        w.Write(c.Summary, NpgsqlDbType.Varchar);
        w.Text(c.ConsumerRequestCode, NpgsqlDbType.Varchar);
        w.Text(c.ConsumerRequestNote, NpgsqlDbType.Varchar);
        w.Text(c.ProductCode, NpgsqlDbType.Varchar);
        w.Text(c.SalesFormCode, NpgsqlDbType.Varchar);
        w.Text(c.PaymentMethodCode, NpgsqlDbType.Varchar);
        w.Value(c.AmountBilled);
        w.Value(c.ContractAmount);
        w.Value(c.AmountPaid);
        w.Value(c.AmountRelieved);
        w.Value(c.ContractDate);
        w.Value(c.DocumentReceivedDate);
        w.Text(c.HarmCode, NpgsqlDbType.Varchar);
        w.Text(c.ResultCode, NpgsqlDbType.Varchar);
        w.Write(c.ConsentToDiscloseToBusiness, NpgsqlDbType.Boolean);
        w.Write(c.ConsentToShareWithCenters, NpgsqlDbType.Boolean);
        w.Write(c.IsMediation, NpgsqlDbType.Boolean);
        w.Value(c.MediationStartedAt);
        w.Value(c.MediationEndedAt);
        w.Write((int)c.MediationOutcome, NpgsqlDbType.Integer);
        w.Value(c.ApprovedById);
        w.Value(c.ApprovedAt);
        w.Text(c.ReturnComment, NpgsqlDbType.Varchar);
        w.Write(c.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        w.Value(c.CreatedById);
        w.Write(c.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        w.Value(c.UpdatedById);
        w.Write(c.Version, NpgsqlDbType.Integer);
        return 1;
    }

    private static void WriteParty(NpgsqlBinaryImporter w, Party p)
    {
        w.Text(p.Name, NpgsqlDbType.Text);
        w.Text(p.NameKana, NpgsqlDbType.Text);
        w.Text(p.Phone, NpgsqlDbType.Text);
        w.Text(p.Email, NpgsqlDbType.Text);
        w.Text(p.PostalCode, NpgsqlDbType.Text);
        w.Text(p.Address, NpgsqlDbType.Text);
        w.Text(p.ContactNote, NpgsqlDbType.Text);
        w.Text(p.PhoneHash, NpgsqlDbType.Varchar);
        w.Text(p.AgeBandCode, NpgsqlDbType.Varchar);
        w.Text(p.GenderCode, NpgsqlDbType.Varchar);
        w.Text(p.OccupationCode, NpgsqlDbType.Varchar);
        w.Text(p.MunicipalityCode, NpgsqlDbType.Varchar);
    }

    private static long WriteKeywords(NpgsqlBinaryImporter w, Case c)
    {
        foreach (var k in c.Keywords)
        {
            w.StartRow();
            w.Write(c.Id, NpgsqlDbType.Uuid);
            w.Write(k.Code, NpgsqlDbType.Varchar);
        }

        return c.Keywords.Count;
    }

    private static long WriteHandlingLog(NpgsqlBinaryImporter w, Case c)
    {
        foreach (var e in c.HandlingLog)
        {
            w.StartRow();
            w.Write(e.Id, NpgsqlDbType.Uuid);
            w.Write(c.Id, NpgsqlDbType.Uuid);
            w.Write((int)e.Kind, NpgsqlDbType.Integer);
            w.Write(e.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            w.Write(e.MethodCode, NpgsqlDbType.Varchar);
            w.Write(e.CounterpartCode, NpgsqlDbType.Varchar);
            w.Text(e.CounterpartName, NpgsqlDbType.Varchar);
            w.Write(e.Text, NpgsqlDbType.Varchar);
            w.Write(e.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            w.Value(e.CreatedById);
            w.Text(e.CreatedByName, NpgsqlDbType.Varchar);
        }

        return c.HandlingLog.Count;
    }

    /// <summary>The history row the CaseHistoryInterceptor writes when a case is added under the system scope.</summary>
    private static long WriteCreatedChange(NpgsqlBinaryImporter w, Case c)
    {
        w.StartRow();
        w.Write(c.Id, NpgsqlDbType.Uuid);
        w.Write(c.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        w.WriteNull();
        w.Write("system", NpgsqlDbType.Varchar);
        w.Write((int)CaseChangeKind.Created, NpgsqlDbType.Integer);
        w.WriteNull();
        w.Write(false, NpgsqlDbType.Boolean);
        w.WriteNull();
        w.WriteNull();
        w.WriteNull();
        return 1;
    }

    private sealed class Table(string name, string columns, Func<NpgsqlBinaryImporter, Case, long> write)
    {
        public string Name => name;

        public BlockingCollection<Case[]> Queue { get; } = new(QueuedBatches);

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

            using var importer = connection.BeginBinaryImport($"COPY {name} ({columns}) FROM STDIN (FORMAT BINARY)");
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
            return rows;
        }
    }
}

internal static class ImporterExtensions
{
    public static void Text(this NpgsqlBinaryImporter w, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, type);
        }
    }

    public static void Value(this NpgsqlBinaryImporter w, Guid? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Uuid);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Value(this NpgsqlBinaryImporter w, long? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Bigint);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Value(this NpgsqlBinaryImporter w, DateOnly? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Date);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Value(this NpgsqlBinaryImporter w, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.Write(v.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }
        else
        {
            w.WriteNull();
        }
    }
}
