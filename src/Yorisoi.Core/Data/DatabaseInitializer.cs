using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Demo;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Security;

namespace Yorisoi.Core.Data;

/// <summary>
/// Brings a database up to date: migrations, reference data, and (only when asked) demo data. Each step writes a
/// progress line, so a first start that seeds demo data says what it is doing.
/// </summary>
public sealed partial class DatabaseInitializer(
    YorisoiDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    CodeListCatalog catalog,
    LookupHasher hasher,
    PersonalDataCipher cipher,
    DatabaseOptions options,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoPassword = "Yorisoi-Demo-2026";

    /// <summary>The demo administrators' TOTP secret (base32), published in the README. Demo data only.</summary>
    public const string DemoAuthenticatorKey = "JBSWY3DPEHPK3PXP";

    public const string NationalCenterCode = "00000";

    /// <summary>Demo cases are saved in batches of this many: few enough to keep the change tracker small.</summary>
    private const int DemoBatchSize = 500;

    /// <summary>Migrations, reference data and, when <paramref name="seedDemoData"/>, the demo data of an empty database.</summary>
    public async Task InitializeAsync(bool seedDemoData, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        await MigrateAsync(ct);
        await SeedReferenceDataAsync(ct);
        if (seedDemoData)
        {
            await SeedDemoAsync(options.DemoCaseCount, ct);
        }

        LogReady(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Applies pending migrations, as the owner role when <see cref="DatabaseOptions.MigrationConnectionString"/> is
    /// set (PostgreSQL), and then grants the application role its rights.
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        LogMigrating();
        db.Scope.BecomeSystem();
        if (options.Provider == DatabaseProvider.Postgres && !string.IsNullOrEmpty(options.MigrationConnectionString))
        {
            await MigrateAsOwnerAsync(options.MigrationConnectionString, ct);
        }
        else if (options.Provider == DatabaseProvider.Postgres && !(await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            // Nothing to apply: a host running as the application role (which may not lock or change the schema) starts
            // after an operator's `migrate` without asking for rights it does not need.
        }
        else
        {
            var strategy = db.Database.CreateExecutionStrategy();
            try
            {
                await strategy.ExecuteAsync(async () => await db.Database.MigrateAsync(ct));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                var role = new NpgsqlConnectionStringBuilder(options.ConnectionString).Username;
                throw new InvalidOperationException(
                    $"The database has migrations to apply, but the role '{role}' of Database:ConnectionString may not change the schema ({e.MessageText}). "
                    + "Set Database:MigrationConnectionString to a connection as the owner role, or run the `migrate` command with it first.", e);
            }
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while one writer registers a case.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        LogMigrated(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private async Task MigrateAsOwnerAsync(string ownerConnectionString, CancellationToken ct)
    {
        var applicationRole = new NpgsqlConnectionStringBuilder(options.ConnectionString).Username;
        var ownerRole = new NpgsqlConnectionStringBuilder(ownerConnectionString).Username;
        if (string.IsNullOrEmpty(applicationRole))
        {
            throw new InvalidOperationException("Database:ConnectionString names no Username; the application role must be named to be granted its rights.");
        }

        var builder = new DbContextOptionsBuilder<YorisoiDbContext>();
        DatabaseConfigurator.Configure(builder, DatabaseProvider.Postgres, ownerConnectionString);
        await using var owner = new YorisoiDbContext(builder.Options, AccessScope.System(), cipher);
        var strategy = owner.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () => await owner.Database.MigrateAsync(ct));
        if (string.Equals(applicationRole, ownerRole, StringComparison.Ordinal))
        {
            // One role for both: nothing to grant, and revoking would take the rights from the owner itself.
            return;
        }

        await owner.Database.OpenConnectionAsync(ct);
        try
        {
            await PostgresPrivileges.GrantAsync(owner.Database.GetDbConnection(), applicationRole, ct);
        }
        finally
        {
            await owner.Database.CloseConnectionAsync();
        }

        LogGranted(applicationRole);
    }

    public async Task SeedReferenceDataAsync(CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        db.Scope.BecomeSystem();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        // Reference rows pass no interceptor and need no tracking: plain rows, in one transaction each.
        if (!await db.LocalGovernments.AnyAsync(ct))
        {
            await InsertRowsAsync(ReadLocalGovernments(), ct);
        }

        foreach (var version in catalog.Versions)
        {
            if (await db.CodeItems.AnyAsync(c => c.Version == version.Version, ct))
            {
                continue;
            }

            await InsertRowsAsync(version.ListNames.SelectMany(list => version.Items(list).Select(i => new CodeItemRow
            {
                Version = version.Version, List = list, Code = i.Code, Name = i.Name, ParentCode = i.ParentCode, Path = i.Path, Depth = i.Depth,
            })).ToList(), ct);
        }

        await FaqImporter.ImportMissingAsync(db, catalog.Current, FaqCategories.LoadEmbedded(), clock, ct);
        db.ChangeTracker.Clear();
        LogReferenceData(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private async Task InsertRowsAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.InsertAsync(db, rows, ct);
            await transaction.CommitAsync(ct);
        });
    }

    public static IReadOnlyList<LocalGovernment> ReadLocalGovernments()
    {
        using var stream = typeof(DatabaseInitializer).Assembly.GetManifestResourceStream("Centers/Data/local_governments.csv")
            ?? throw new InvalidOperationException("local_governments.csv is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = reader.ReadLine();
        var byCode6 = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(',');
            rows.Add(parts);
            byCode6[parts[0]] = parts;
        }

        _ = header;
        return rows.Select(p => new LocalGovernment
        {
            Code6 = p[0],
            Code = p[1],
            Kind = p[2] switch { "prefecture" => LocalGovernmentKind.Prefecture, "ward" => LocalGovernmentKind.Ward, _ => LocalGovernmentKind.Municipality },
            Name = p[3],
            Reading = p[4],
            PrefectureCode = byCode6.TryGetValue(p[5], out var pref) ? pref[1] : p[5][..5],
            ParentCode = p.Length > 6 && p[6].Length > 0 && byCode6.TryGetValue(p[6], out var parent) ? parent[1] : null,
        }).ToList();
    }

    /// <summary>Creates the first administrator of a production install (the `create-admin` command).</summary>
    public async Task<IdentityResult> CreateAdministratorAsync(string email, string displayName, string password, CancellationToken ct = default)
    {
        db.Scope.BecomeSystem();
        var center = await db.Centers.FirstOrDefaultAsync(c => c.Code == NationalCenterCode, ct);
        if (center is null)
        {
            center = new Center { Code = NationalCenterCode, Name = "国民生活センター", Kind = CenterKind.National, PrefectureCode = "13000" };
            db.Centers.Add(center);
            await db.SaveChangesAsync(ct);
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CenterId = center.Id, LockoutEnabled = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.SystemAdmin);
        }

        return result;
    }

    public async Task SeedDemoAsync(int caseCount, CancellationToken ct = default)
    {
        db.Scope.BecomeSystem();
        if (await db.Centers.AnyAsync(ct))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var governments = await db.LocalGovernments.AsNoTracking().ToListAsync(ct);
        var centers = DemoCenters(governments);
        db.Centers.AddRange(centers);
        await db.SaveChangesAsync(ct);

        var tokyo = centers.Single(c => c.Code == "13000");
        var yokohama = centers.Single(c => c.Code == "14100");
        var national = centers.Single(c => c.Code == NationalCenterCode);
        var accounts = new (string Email, string Name, string Role, Center Center)[]
        {
            ("counselor@demo.yorisoi.jp", "相談員 青木（デモ）", Roles.Counselor, tokyo),
            ("counselor2@demo.yorisoi.jp", "相談員 上田（デモ）", Roles.Counselor, tokyo),
            ("supervisor@demo.yorisoi.jp", "所属長 江藤（デモ）", Roles.Supervisor, tokyo),
            ("centeradmin@demo.yorisoi.jp", "センター管理者 大野（デモ）", Roles.CenterAdmin, tokyo),
            ("prefadmin@demo.yorisoi.jp", "都道府県管理者 加納（デモ）", Roles.PrefectureAdmin, tokyo),
            ("analyst@demo.yorisoi.jp", "分析担当 木下（デモ）", Roles.NationalAnalyst, national),
            ("sysadmin@demo.yorisoi.jp", "システム管理者 工藤（デモ）", Roles.SystemAdmin, national),
            ("yokohama@demo.yorisoi.jp", "相談員 佐野（デモ・横浜市）", Roles.Counselor, yokohama),
            ("yokohama-supervisor@demo.yorisoi.jp", "所属長 島田（デモ・横浜市）", Roles.Supervisor, yokohama),
        };
        var staffByCenter = new Dictionary<Guid, List<(Guid Id, string Name)>>();
        var approverByCenter = new Dictionary<Guid, (Guid Id, string Name)>();
        string? passwordHash = null;
        foreach (var (email, name, role, center) in accounts)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CenterId = center.Id, LockoutEnabled = true };
            if (passwordHash is null)
            {
                Check(await users.CreateAsync(user, DemoPassword));
                passwordHash = user.PasswordHash;
            }
            else
            {
                // Every demo account has the same published password; PBKDF2 is slow on purpose, so hash it once.
                user.PasswordHash = passwordHash;
                Check(await users.CreateAsync(user));
            }

            Check(await users.AddToRoleAsync(user, role));
            if (Roles.RequireTwoFactor.Contains(role))
            {
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAuthenticatorKey));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }

            if (role == Roles.Supervisor)
            {
                approverByCenter.TryAdd(center.Id, (user.Id, user.DisplayName));
            }

            if (role is Roles.Counselor or Roles.Supervisor)
            {
                (staffByCenter.TryGetValue(center.Id, out var list) ? list : staffByCenter[center.Id] = []).Add((user.Id, user.DisplayName));
            }
        }

        await KnowledgeDemoAccounts.SeedAsync(users, national, DemoPassword);
        LogDemoAccounts(centers.Count, accounts.Length, Stopwatch.GetElapsedTime(started).TotalSeconds);
        await SeedDemoCasesAsync(centers, governments, staffByCenter, approverByCenter, caseCount, ct);
    }

    private async Task SeedDemoCasesAsync(
        List<Center> centers,
        List<LocalGovernment> governments,
        Dictionary<Guid, List<(Guid Id, string Name)>> staff,
        Dictionary<Guid, (Guid Id, string Name)> approvers,
        int caseCount,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = new DateTimeOffset(FiscalYear.Of(now) - 1, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));
        var generator = new SyntheticCaseGenerator(catalog.Current, GeneratorCenters(centers, governments), seed: 20260401);
        var cases = Enumerable.Range(0, caseCount).Select(_ => generator.Next(from, now, now)).OrderBy(c => c.ReceivedAt).ToList();
        var sequences = new Dictionary<(Guid, int), int>();
        var codes = centers.ToDictionary(c => c.Id, c => c.Code);
        var random = new Random(7);
        var histories = new Dictionary<Guid, List<CaseChange>>();
        foreach (var c in cases)
        {
            c.FiscalYear = FiscalYear.Of(c.ReceivedAt);
            var key = (c.CenterId, c.FiscalYear);
            c.ReceiptSequence = sequences[key] = sequences.GetValueOrDefault(key) + 1;
            c.ReceiptNumber = ReceiptNumberAllocator.Format(c.FiscalYear, codes[c.CenterId], c.ReceiptSequence);
            c.Consultant.PhoneHash = hasher.Hash(CaseValidator.NormalizePhone(c.Consultant.Phone));
            c.ContractParty.PhoneHash = hasher.Hash(CaseValidator.NormalizePhone(c.ContractParty.Phone));
            (Guid Id, string Name)? worker = null;
            if (staff.TryGetValue(c.CenterId, out var people))
            {
                // The assignee is the one who talked to the consumer and the business, so the log names them.
                var (assigneeId, assigneeName) = people[random.Next(people.Count)];
                worker = (assigneeId, assigneeName);
                c.AssigneeId = assigneeId;
                foreach (var entry in c.HandlingLog)
                {
                    entry.CreatedById = assigneeId;
                    entry.CreatedByName = assigneeName;
                }
            }

            (Guid Id, string Name)? approver = approvers.TryGetValue(c.CenterId, out var a) ? a : null;
            if (c.Status == CaseStatus.Completed)
            {
                c.ApprovedById = approver?.Id;
            }

            histories[c.Id] = DemoHistory.Of(c, worker, approver).ToList();
        }

        var started = Stopwatch.GetTimestamp();
        var saved = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        await using (await DemoWriteSessionAsync(ct))
        {
            // The demo cases and their history are complete when generated, so they go in as plain rows: the change
            // tracker costs far more per row than the insert itself. What the history interceptor does for a new
            // case is done by StampAsNew.
            foreach (var batch in cases.Chunk(DemoBatchSize))
            {
                var created = batch.Select(c => StampAsNew(c, db.Scope)).ToList();
                var keywords = batch.SelectMany(c => c.Keywords).ToList();
                var log = batch.SelectMany(c => c.HandlingLog).ToList();
                var history = created.Concat(batch.SelectMany(c => histories[c.Id])).ToList();
                await strategy.ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    await BulkInsert.InsertAsync(db, batch, ct);
                    await BulkInsert.InsertAsync(db, keywords, ct);
                    await BulkInsert.InsertAsync(db, log, ct);
                    await BulkInsert.InsertAsync(db, history, ct);
                    await transaction.CommitAsync(ct);
                });

                saved += batch.Length;
                LogDemoCases(saved, cases.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }

        db.ReceiptCounters.AddRange(sequences.Select(kv => new ReceiptCounter { CenterId = kv.Key.Item1, FiscalYear = kv.Key.Item2, LastSequence = kv.Value }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// What <see cref="CaseHistoryInterceptor"/> does for a case that SaveChanges adds: creation and update stamps,
    /// version 1, and the "created" history entry (DemoDataTests compare a seeded case with a registered one).
    /// </summary>
    private static CaseChange StampAsNew(Case c, AccessScope scope)
    {
        c.CreatedById ??= scope.UserId;
        c.UpdatedAt = c.CreatedAt;
        c.UpdatedById = c.CreatedById;
        c.Version = 1;
        return new CaseChange { CaseId = c.Id, At = c.CreatedAt, UserId = scope.UserId, UserName = scope.UserName, Kind = CaseChangeKind.Created };
    }

    /// <summary>Centers with a share of cases roughly like their population; the Tokyo demo center gets more so the demo list is full.</summary>
    public static IReadOnlyList<GeneratorCenter> GeneratorCenters(IEnumerable<Center> centers, IReadOnlyList<LocalGovernment> governments)
    {
        var municipalitiesByPrefecture = governments
            .Where(g => g.Kind != LocalGovernmentKind.Prefecture)
            .GroupBy(g => g.PrefectureCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Code).ToList());
        return centers
            .Where(c => c.Kind != CenterKind.National)
            .Select(c =>
            {
                var prefecture5 = c.PrefectureCode[..5];
                IReadOnlyList<string> municipalities = c.MunicipalityCode is { } m
                    ? [m]
                    : municipalitiesByPrefecture.GetValueOrDefault(prefecture5) ?? [];
                var weight = c.Code switch { "13000" => 40.0, "14100" => 8.0, _ => c.Kind == CenterKind.Municipal ? 2.0 : 1.0 };
                return new GeneratorCenter(c.Id, c.Code, prefecture5, municipalities, weight);
            })
            .ToList();
    }

    public static List<Center> DemoCenters(IReadOnlyList<LocalGovernment> governments)
    {
        var centers = new List<Center>
        {
            new() { Code = NationalCenterCode, Name = "国民生活センター（デモ）", Kind = CenterKind.National, PrefectureCode = "131008", IsDemo = true, Phone = "188", OpeningHours = "平日 10:00〜16:00（デモ）" },
        };
        foreach (var prefecture in governments.Where(g => g.Kind == LocalGovernmentKind.Prefecture).OrderBy(g => g.Code, StringComparer.Ordinal))
        {
            var name = prefecture.Code == "13000" ? "東京都消費生活総合センター（デモ）" : $"{prefecture.Name}消費生活センター（デモ）";
            centers.Add(new Center
            {
                Code = prefecture.Code, Name = name, Kind = CenterKind.Prefectural, PrefectureCode = prefecture.Code6, IsDemo = true,
                Phone = "188", OpeningHours = "平日 9:00〜17:00（土日祝・年末年始を除く）",
            });
        }

        foreach (var code in new[] { "14100", "27100", "01100", "23100", "40130", "13104", "04100" })
        {
            var g = governments.Single(x => x.Code == code);
            var prefecture = governments.Single(x => x.Code == g.PrefectureCode);
            centers.Add(new Center
            {
                Code = code, Name = $"{g.Name}消費生活センター（デモ）", Kind = CenterKind.Municipal, PrefectureCode = prefecture.Code6, MunicipalityCode = code, IsDemo = true,
                Phone = "188", OpeningHours = "平日 9:00〜16:30（デモ）",
            });
        }

        return centers;
    }

    /// <summary>
    /// The demo cases go into a fresh embedded database in a few large transactions. SQLite commits with a full
    /// fsync each by default; in WAL mode NORMAL is still crash-safe (at worst the last commits are lost, never the
    /// file) and it is the setting SQLite recommends for WAL, so the seeding keeps one connection open with it.
    /// </summary>
    private async Task<IAsyncDisposable> DemoWriteSessionAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return NoSession.Instance;
        }

        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
        return new SqliteSession(db);
    }

    private sealed class NoSession : IAsyncDisposable
    {
        public static NoSession Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SqliteSession(YorisoiDbContext db) : IAsyncDisposable
    {
        // Pooled connections keep their pragmas: the ones the host uses afterwards commit with the default again.
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;");
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating the database")]
    private partial void LogMigrating();

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated in {Seconds:0.0} s")]
    private partial void LogMigrated(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted the application role {Role} its rights (rows only; audit records and case history append-only)")]
    private partial void LogGranted(string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data ready (roles, local governments, code lists) in {Seconds:0.0} s")]
    private partial void LogReferenceData(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo centers and accounts: {Centers} centers, {Accounts} accounts in {Seconds:0.0} s")]
    private partial void LogDemoAccounts(int centers, int accounts, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo cases {Saved}/{Total} ({Seconds:0.0} s)")]
    private partial void LogDemoCases(int saved, int total, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready in {Seconds:0.0} s")]
    private partial void LogReady(double seconds);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
