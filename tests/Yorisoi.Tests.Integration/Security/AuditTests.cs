using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>Audit records and case history can be added, never changed or removed, whichever way the DbContext is used.</summary>
public abstract class AuditTests(AppFixture app)
{
    [Fact]
    public async Task AnAuditRecordCannotBeChanged()
    {
        var record = await ViewPersonalDataAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(async db =>
        {
            var tracked = await db.AuditRecords.SingleAsync(a => a.Id == record.Id);
            tracked.Fields = "nothing";
            tracked.UserId = null;
            return await db.SaveChangesAsync();
        }));

        Assert.Equal(record.Fields, (await StoredAsync(record.Id))!.Fields);
    }

    [Fact]
    public async Task AnAuditRecordCannotBeDeleted()
    {
        var record = await ViewPersonalDataAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(async db =>
        {
            db.AuditRecords.Remove(await db.AuditRecords.SingleAsync(a => a.Id == record.Id));
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(async db =>
        {
            db.AuditRecords.Attach(new AuditRecord { Id = record.Id, Action = record.Action });
            db.AuditRecords.Remove(db.AuditRecords.Local.Single(a => a.Id == record.Id));
            return await db.SaveChangesAsync();
        }));

        Assert.NotNull(await StoredAsync(record.Id));
    }

    [Fact]
    public async Task AuditRecordsCannotBeChangedOrDeletedInBulk()
    {
        var record = await ViewPersonalDataAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(db => db.AuditRecords.Where(a => a.Id == record.Id).ExecuteDeleteAsync()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(db => db.AuditRecords.Where(a => a.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Fields, "nothing"))));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_records")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(db => db.Database.ExecuteSqlRawAsync("update \"audit_records\" set fields = 'nothing'")));

        Assert.Equal(record.Fields, (await StoredAsync(record.Id))!.Fields);
    }

    [Fact]
    public async Task CaseHistoryCannotBeChangedOrDeleted()
    {
        var subject = await app.RegisterAsync(app.World.CounselorA);
        var change = await app.AsSystemAsync(db => db.CaseChanges.AsNoTracking().SingleAsync(c => c.CaseId == subject.Id));

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(async db =>
        {
            (await db.CaseChanges.SingleAsync(c => c.Id == change.Id)).UserName = "誰か";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(async db =>
        {
            db.CaseChanges.Remove(await db.CaseChanges.SingleAsync(c => c.Id == change.Id));
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(db => db.CaseChanges.Where(c => c.Id == change.Id).ExecuteDeleteAsync()));

        var stored = await app.AsSystemAsync(db => db.CaseChanges.AsNoTracking().SingleAsync(c => c.Id == change.Id));
        Assert.Equal((CaseChangeKind.Created, app.World.CounselorA.DisplayName), (stored.Kind, stored.UserName));
    }

    [Fact]
    public async Task NewAuditRecordsCanStillBeWritten()
    {
        var before = await app.AsSystemAsync(db => db.AuditRecords.CountAsync());

        await ViewPersonalDataAsync();

        Assert.Equal(before + 1, await app.AsSystemAsync(db => db.AuditRecords.CountAsync()));
    }

    private async Task<AuditRecord> ViewPersonalDataAsync()
    {
        var subject = await app.RegisterAsync(app.World.CounselorA);
        await app.AsUserAsync(app.World.CounselorA, cases => cases.GetPersonalDataAsync(subject.Id));
        return (await app.AuditAsync(subject.Id, AuditActions.ViewPersonalData)).Single();
    }

    private Task<AuditRecord?> StoredAsync(long id) => app.AsSystemAsync(db => db.AuditRecords.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id));
}

public sealed class AuditOnSqliteTests(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AuditOnPostgresTests(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;
