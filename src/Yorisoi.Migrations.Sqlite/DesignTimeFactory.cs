using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;

namespace Yorisoi.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<YorisoiDbContext>
{
    public YorisoiDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<YorisoiDbContext>();
        DatabaseConfigurator.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new YorisoiDbContext(builder.Options, AccessScope.System(), new PersonalDataCipher(new byte[32]));
    }
}
