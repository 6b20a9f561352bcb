using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;

namespace Yorisoi.Tests.Unit.Cases;

public sealed class ReceiptNumberAllocatorTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "yorisoi-unit-" + Guid.NewGuid().ToString("N")[..12]);
    private YorisoiDbContext _db = null!;

    [Theory]
    [InlineData(2026, "13000", 1, "2026-13000-000001")]
    [InlineData(2026, "13000", 123, "2026-13000-000123")]
    [InlineData(2025, "14100", 999_999, "2025-14100-999999")]
    [InlineData(2026, "00000", 1_234_567, "2026-00000-1234567")]
    public void FormatShowsFiscalYearCenterAndZeroPaddedSequence(int fiscalYear, string center, int sequence, string expected)
    {
        Assert.Equal(expected, ReceiptNumberAllocator.Format(fiscalYear, center, sequence));
    }

    [Fact]
    public async Task AllocationOutsideATransactionIsRefused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReceiptNumberAllocator.NextAsync(_db, Guid.NewGuid(), 2026));
    }

    [Fact]
    public async Task SequencesCountUpSeparatelyPerCenterAndFiscalYear()
    {
        var centerA = Guid.NewGuid();
        var centerB = Guid.NewGuid();

        var first = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            first.Add(await NextCommittedAsync(centerA, 2026));
        }

        Assert.Equal([1, 2, 3], first);
        Assert.Equal(1, await NextCommittedAsync(centerA, 2025));
        Assert.Equal(1, await NextCommittedAsync(centerB, 2026));
        Assert.Equal(4, await NextCommittedAsync(centerA, 2026));
        Assert.Equal(2, await NextCommittedAsync(centerA, 2025));
    }

    [Fact]
    public async Task ARolledBackRegistrationGivesItsNumberBack()
    {
        var center = Guid.NewGuid();
        Assert.Equal(1, await NextCommittedAsync(center, 2026));

        await using (var tx = await _db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await ReceiptNumberAllocator.NextAsync(_db, center, 2026));
            await tx.RollbackAsync();
        }

        Assert.Equal(2, await NextCommittedAsync(center, 2026));
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var options = new DbContextOptionsBuilder<YorisoiDbContext>();
        DatabaseConfigurator.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "allocator.db")};Pooling=false");
        _db = new YorisoiDbContext(options.Options, AccessScope.System(), new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)));
        await _db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    public void Dispose() => _db.Dispose();

    private async Task<int> NextCommittedAsync(Guid center, int fiscalYear)
    {
        await using var tx = await _db.Database.BeginTransactionAsync();
        var next = await ReceiptNumberAllocator.NextAsync(_db, center, fiscalYear);
        await tx.CommitAsync();
        return next;
    }
}
