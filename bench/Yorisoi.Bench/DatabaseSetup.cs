using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Demo;
using Yorisoi.Core.Security;

namespace Yorisoi.Bench;

/// <summary>Centers, their staff and the generator's view of them, as stored by <see cref="DatabaseSetup"/>.</summary>
public sealed record BenchWorld(
    IReadOnlyList<GeneratorCenter> Centers,
    IReadOnlyDictionary<Guid, string> CenterCodes,
    IReadOnlyDictionary<Guid, Guid[]> StaffByCenter,
    CodeListCatalog Catalog);

/// <summary>
/// The schema through the real EF migrations, reference data and the demo centers and accounts through the
/// real <see cref="DatabaseInitializer"/>, so the host sees exactly what a production install would hold.
/// </summary>
public static class DatabaseSetup
{
    /// <summary>Counselors added to every center that the demo seed leaves without staff, so cases have assignees.</summary>
    private const int ExtraStaffPerCenter = 3;

    public static ServiceProvider Services(string connectionString, PersonalDataCipher cipher, LookupHasher hasher)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(cipher);
        services.AddSingleton(hasher);
        services.AddSingleton(CodeListCatalog.LoadEmbedded());
        services.AddSingleton(TimeProvider.System);
        services.AddScoped(_ => AccessScope.System());
        services.AddDbContext<YorisoiDbContext>(db => DatabaseConfigurator.Configure(db, DatabaseProvider.Postgres, connectionString));
        services.AddIdentityCore<AppUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<YorisoiDbContext>();
        services.AddSingleton(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        services.AddScoped<DatabaseInitializer>();
        return services.BuildServiceProvider();
    }

    public static async Task<BenchWorld> PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(ct);
        await initializer.SeedReferenceDataAsync(ct);
        // Demo centers and accounts, no cases: the bench loads those itself, far faster than EF could.
        await initializer.SeedDemoAsync(0, ct);

        var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var centers = await db.Centers.AsNoTracking().ToListAsync(ct);
        var governments = await db.LocalGovernments.AsNoTracking().ToListAsync(ct);

        var staff = new Dictionary<Guid, List<Guid>>();
        foreach (var role in new[] { Roles.Counselor, Roles.Supervisor })
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
            {
                (staff.TryGetValue(user.CenterId, out var list) ? list : staff[user.CenterId] = []).Add(user.Id);
            }
        }

        var generatorCenters = DatabaseInitializer.GeneratorCenters(centers, governments);
        foreach (var center in generatorCenters.Where(c => !staff.ContainsKey(c.Id)))
        {
            var list = staff[center.Id] = [];
            for (var i = 1; i <= ExtraStaffPerCenter; i++)
            {
                var email = $"counselor{i}-{center.Code}@bench.yorisoi.jp";
                // No password: these accounts only appear as assignees; nobody signs in with them.
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"相談員{i}（{center.Code}）", CenterId = center.Id, LockoutEnabled = true };
                Check(await users.CreateAsync(user));
                Check(await users.AddToRoleAsync(user, Roles.Counselor));
                list.Add(user.Id);
            }
        }

        return new BenchWorld(
            generatorCenters,
            centers.ToDictionary(c => c.Id, c => c.Code),
            staff.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            scope.ServiceProvider.GetRequiredService<CodeListCatalog>());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
