using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Security;

namespace Yorisoi.Core.Data;

public class YorisoiDbContext(DbContextOptions<YorisoiDbContext> options, AccessScope scope, PersonalDataCipher cipher)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public AccessScope Scope { get; } = scope;

    internal PersonalDataCipher Cipher { get; } = cipher;

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseKeyword> CaseKeywords => Set<CaseKeyword>();

    public DbSet<HandlingLogEntry> HandlingLogEntries => Set<HandlingLogEntry>();

    public DbSet<CaseShare> CaseShares => Set<CaseShare>();

    public DbSet<CaseChange> CaseChanges => Set<CaseChange>();

    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();

    public DbSet<Center> Centers => Set<Center>();

    public DbSet<LocalGovernment> LocalGovernments => Set<LocalGovernment>();

    public DbSet<CodeItemRow> CodeItems => Set<CodeItemRow>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    // The query filters below read these per query, so one model serves every signed-in user.
    private bool ScopeUnrestricted => Scope.Unrestricted;

    private Guid? ScopeCenterId => Scope.CenterId;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Registered here rather than by each caller, so no context (web, bench, tests) can skip them.
        optionsBuilder.AddInterceptors(CaseHistoryInterceptor.Instance, AuditImmutabilityInterceptor.Instance, AppendOnlyCommandInterceptor.Instance);
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, CipherAwareModelCacheKeyFactory>();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no timestamp type that sorts; stored as UTC ticks, times order and compare correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(YorisoiDbContext).Assembly);

        builder.Entity<AppUser>().HasIndex(u => u.CenterId);
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(100);

        // Center scoping lives here and only here: every query for cases or their parts is limited to
        // the signed-in user's center and cases explicitly shared with it.
        builder.Entity<Case>().HasQueryFilter(c =>
            ScopeUnrestricted || c.CenterId == ScopeCenterId || c.Shares.Any(s => s.CenterId == ScopeCenterId));
        builder.Entity<HandlingLogEntry>().HasQueryFilter(e =>
            ScopeUnrestricted || e.Case!.CenterId == ScopeCenterId || e.Case.Shares.Any(s => s.CenterId == ScopeCenterId));
        builder.Entity<CaseChange>().HasQueryFilter(e =>
            ScopeUnrestricted || e.Case!.CenterId == ScopeCenterId || e.Case.Shares.Any(s => s.CenterId == ScopeCenterId));

        var encrypt = new ValueConverter<string?, string?>(v => Cipher.Encrypt(v), v => Cipher.Decrypt(v));
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.PropertyInfo?.GetCustomAttribute<PersonalFieldAttribute>() is not null)
                {
                    property.SetValueConverter(encrypt);
                }
            }
        }

        // History values may be personal, so they are encrypted like the fields they came from.
        builder.Entity<CaseChange>().Property(c => c.OldValue).HasConversion(encrypt);
        builder.Entity<CaseChange>().Property(c => c.NewValue).HasConversion(encrypt);
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class CipherAwareModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            context is YorisoiDbContext y ? (context.GetType(), y.Cipher.KeyId, designTime) : (context.GetType(), designTime);
    }
}
