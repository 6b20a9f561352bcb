using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Search;
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

    public DbSet<CaseFaqLink> CaseFaqLinks => Set<CaseFaqLink>();

    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();

    public DbSet<Center> Centers => Set<Center>();

    public DbSet<LocalGovernment> LocalGovernments => Set<LocalGovernment>();

    public DbSet<CodeItemRow> CodeItems => Set<CodeItemRow>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();

    public DbSet<FaqEntryVersion> FaqEntryVersions => Set<FaqEntryVersion>();

    public DbSet<FaqHistoryEntry> FaqHistory => Set<FaqHistoryEntry>();

    public DbSet<FaqFeedback> FaqFeedback => Set<FaqFeedback>();

    public DbSet<FaqViewCount> FaqViewCounts => Set<FaqViewCount>();

    public DbSet<SearchLogEntry> SearchLog => Set<SearchLogEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    // The query filters below read these per query, so one model serves every signed-in user.
    private bool ScopeUnrestricted => Scope.Unrestricted;

    private Guid? ScopeCenterId => Scope.CenterId;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Registered here rather than by each caller, so no context (web, bench, tests) can skip them.
        optionsBuilder.AddInterceptors(
            CaseHistoryInterceptor.Instance, OutboxInterceptor.Instance, AuditImmutabilityInterceptor.Instance, CommandGuardInterceptor.Instance);
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
        builder.Entity<CaseFaqLink>().HasQueryFilter(e =>
            ScopeUnrestricted || e.Case!.CenterId == ScopeCenterId || e.Case.Shares.Any(s => s.CenterId == ScopeCenterId));
        builder.Entity<CaseChange>().HasQueryFilter(e =>
            ScopeUnrestricted || e.Case!.CenterId == ScopeCenterId || e.Case.Shares.Any(s => s.CenterId == ScopeCenterId));

        // Knowledge base: staff see national entries and their own center's local ones (never another center's);
        // a request without a signed-in user sees only the live version of published public entries.
        builder.Entity<FaqEntry>().HasQueryFilter(e =>
            ScopeUnrestricted
            || (ScopeCenterId != null && (e.OwnerCenterId == null || e.OwnerCenterId == ScopeCenterId))
            || (ScopeCenterId == null && e.Audience == FaqAudience.Public && e.PublishedVersion != null && !e.IsRetired));
        builder.Entity<FaqEntryVersion>().HasQueryFilter(v =>
            ScopeUnrestricted
            || (ScopeCenterId != null && (v.Entry!.OwnerCenterId == null || v.Entry.OwnerCenterId == ScopeCenterId))
            || (ScopeCenterId == null && v.Entry!.Audience == FaqAudience.Public && v.Entry.PublishedVersion == v.Number && !v.Entry.IsRetired));
        builder.Entity<FaqHistoryEntry>().HasQueryFilter(h =>
            ScopeUnrestricted || (ScopeCenterId != null && (h.Entry!.OwnerCenterId == null || h.Entry.OwnerCenterId == ScopeCenterId)));
        builder.Entity<FaqFeedback>().HasQueryFilter(f =>
            ScopeUnrestricted || (ScopeCenterId != null && (f.Entry!.OwnerCenterId == null || f.Entry.OwnerCenterId == ScopeCenterId)));
        builder.Entity<FaqViewCount>().HasQueryFilter(c =>
            ScopeUnrestricted || (ScopeCenterId != null && (c.Entry!.OwnerCenterId == null || c.Entry.OwnerCenterId == ScopeCenterId)));

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
