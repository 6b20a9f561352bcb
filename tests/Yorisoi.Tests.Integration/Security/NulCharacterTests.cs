using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Centers;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Text that reaches the database by a path other than the API (interactive screens call the services directly) may carry
/// a NUL, which PostgreSQL refuses: the DbContext drops it from every parameter, for writes and for searches alike.
/// </summary>
public abstract class NulCharacterTests(AppFixture app)
{
    [Fact]
    public async Task TextWithANulIsStoredWithoutIt()
    {
        var code = "9" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = await app.AsSystemAsync(async db =>
        {
            var center = new Center { Code = code, Name = "テスト\0センター", Kind = CenterKind.Municipal, PrefectureCode = "130001" };
            db.Centers.Add(center);
            await db.SaveChangesAsync();
            return center.Id;
        });

        var stored = await app.AsSystemAsync(db => db.Centers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).SingleAsync());

        Assert.Equal("テストセンター", stored);
    }

    [Fact]
    public async Task ASearchWithANulFindsWhatItWouldWithout()
    {
        // A variable, as the screens pass it: EF sends it as a parameter (a constant would be inlined into the SQL).
        var typed = "千代\0田";
        var found = await app.AsSystemAsync(db => db.LocalGovernments.Where(g => g.Name.Contains(typed)).Select(g => g.Code).ToListAsync());

        Assert.Contains("13101", found);
    }
}

public sealed class NulCharacterOnSqliteTests(SqliteApp app) : NulCharacterTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class NulCharacterOnPostgresTests(PostgresApp app) : NulCharacterTests(app), IClassFixture<PostgresApp>;
