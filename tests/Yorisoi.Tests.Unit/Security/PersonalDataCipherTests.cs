using System.Security.Cryptography;
using Yorisoi.Core.Security;

namespace Yorisoi.Tests.Unit.Security;

public sealed class PersonalDataCipherTests
{
    private readonly PersonalDataCipher _cipher = new(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("山田 花子")]
    [InlineData("090-1234-5678")]
    [InlineData("hanako@example.jp")]
    [InlineData("")]
    [InlineData("改行を含む\n連絡メモ😀")]
    public void EncryptedValuesDecryptToTheOriginal(string plaintext)
    {
        var stored = _cipher.Encrypt(plaintext);

        Assert.NotNull(stored);
        Assert.StartsWith("enc1:", stored, StringComparison.Ordinal);
        Assert.Equal(plaintext, _cipher.Decrypt(stored));
    }

    [Fact]
    public void NullStaysNull()
    {
        Assert.Null(_cipher.Encrypt(null));
        Assert.Null(_cipher.Decrypt(null));
    }

    [Fact]
    public void TheSameValueEncryptsDifferentlyEachTime()
    {
        var first = _cipher.Encrypt("090-1234-5678");
        var second = _cipher.Encrypt("090-1234-5678");

        Assert.NotEqual(first, second);
        Assert.Equal(_cipher.Decrypt(first), _cipher.Decrypt(second));
    }

    [Fact]
    public void TheStoredFormRevealsNothingOfThePlaintext()
    {
        var stored = _cipher.Encrypt("YAMADA-HANAKO-0901234")!;

        Assert.DoesNotContain("YAMADA", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0901234", stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]   // nonce
    [InlineData(20)]  // tag
    [InlineData(40)]  // ciphertext
    public void TamperingWithAnyPartIsDetected(int byteIndex)
    {
        var stored = _cipher.Encrypt("山田 花子 090-1234-5678")!;
        var bytes = Convert.FromBase64String(stored["enc1:".Length..]);
        bytes[byteIndex] ^= 0x01;
        var tampered = "enc1:" + Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => _cipher.Decrypt(tampered));
    }

    [Fact]
    public void AnotherKeyCannotDecrypt()
    {
        var stored = _cipher.Encrypt("山田 花子");
        var other = new PersonalDataCipher(RandomNumberGenerator.GetBytes(32));

        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(stored));
    }

    [Fact]
    public void PlaintextInAPersonalColumnIsRefused()
    {
        Assert.ThrowsAny<CryptographicException>(() => _cipher.Decrypt("山田 花子"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void OnlyA256BitKeyIsAccepted(int length)
    {
        Assert.Throws<ArgumentException>(() => new PersonalDataCipher(new byte[length]));
    }

    [Fact]
    public void KeyIdIsAShortFingerprintThatDiffersPerKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var a = new PersonalDataCipher(key);
        var b = new PersonalDataCipher((byte[])key.Clone());
        var c = new PersonalDataCipher(RandomNumberGenerator.GetBytes(32));

        Assert.Matches("^[0-9A-F]{8}$", a.KeyId);
        Assert.Equal(a.KeyId, b.KeyId);
        Assert.NotEqual(a.KeyId, c.KeyId);
    }
}

public sealed class LookupHasherTests
{
    [Fact]
    public void TheSameInputHashesTheSame()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.Equal(new LookupHasher(key).Hash("09012345678"), new LookupHasher(key).Hash("09012345678"));
    }

    [Fact]
    public void DifferentInputsHashDifferently()
    {
        var hasher = new LookupHasher(RandomNumberGenerator.GetBytes(32));

        Assert.NotEqual(hasher.Hash("09012345678"), hasher.Hash("09012345679"));
    }

    [Fact]
    public void ADifferentKeyGivesADifferentHash()
    {
        Assert.NotEqual(
            new LookupHasher(RandomNumberGenerator.GetBytes(32)).Hash("09012345678"),
            new LookupHasher(RandomNumberGenerator.GetBytes(32)).Hash("09012345678"));
    }

    [Fact]
    public void TheHashIsNotThePlainSha256OfTheNumber()
    {
        var hash = new LookupHasher(RandomNumberGenerator.GetBytes(32)).Hash("09012345678")!;
        var bare = Convert.ToBase64String(SHA256.HashData("09012345678"u8.ToArray()), 0, 24);

        Assert.NotEqual(bare, hash);
        Assert.DoesNotContain("0901234", hash, StringComparison.Ordinal);
        Assert.True(hash.Length <= 64, "fits the phone_hash column");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NothingHashesToNull(string? input)
    {
        Assert.Null(new LookupHasher(RandomNumberGenerator.GetBytes(32)).Hash(input));
    }
}

public sealed class KeyMaterialTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "yorisoi-keys-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void KeysAreCreatedOnceAndReusedOnTheNextStart()
    {
        var (firstCipher, firstHasher) = KeyMaterial.Load(null, null, _directory);
        var (secondCipher, secondHasher) = KeyMaterial.Load(null, null, _directory);

        Assert.Equal(firstCipher.KeyId, secondCipher.KeyId);
        Assert.Equal(firstHasher.Hash("0312345678"), secondHasher.Hash("0312345678"));
        Assert.Equal("山田", secondCipher.Decrypt(firstCipher.Encrypt("山田")));
        Assert.True(File.Exists(Path.Combine(_directory, "personal-data.key")));
        Assert.True(File.Exists(Path.Combine(_directory, "lookup-hash.key")));
    }

    [Fact]
    public void KeyFilesAreReadableByTheOwnerOnly()
    {
        KeyMaterial.Load(null, null, _directory);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "personal-data.key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "lookup-hash.key")));
    }

    [Fact]
    public void KeysFromConfigurationWinOverKeyFiles()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var (cipher, _) = KeyMaterial.Load(Convert.ToBase64String(key), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), _directory);

        Assert.Equal(new PersonalDataCipher(key).KeyId, cipher.KeyId);
        Assert.False(Directory.Exists(_directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
