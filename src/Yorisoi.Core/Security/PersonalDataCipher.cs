using System.Security.Cryptography;
using System.Text;

namespace Yorisoi.Core.Security;

/// <summary>
/// Encrypts personal fields (names, phone numbers, e-mail, addresses, contact notes) with AES-256-GCM.
/// The key lives outside the database (a key file or an environment variable), so a copy of the
/// database alone reveals nobody.
/// </summary>
public sealed class PersonalDataCipher
{
    private const string Prefix = "enc1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    // Setting up an AES-GCM key costs more than encrypting a short field, and AesGcm is not thread-safe:
    // each thread keeps one instance for the key it last used.
    [ThreadStatic]
    private static (byte[] Key, AesGcm Aes)? _threadAes;

    public PersonalDataCipher(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The personal-data key must be 32 bytes.", nameof(key));
        }

        _key = key;
        KeyId = Convert.ToHexString(SHA256.HashData(key), 0, 4);
    }

    /// <summary>A short fingerprint of the key, safe to log; it tells which key a model was built for.</summary>
    public string KeyId { get; }

    /// <summary>
    /// A 32-byte key for another purpose, derived from this one with HKDF-SHA256, so an instance keeps one secret and
    /// a derived key reveals nothing about the personal-data key.
    /// </summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, salt: null, info: Encoding.UTF8.GetBytes(purpose));

    public string? Encrypt(string? plaintext)
    {
        if (plaintext is null)
        {
            return null;
        }

        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[NonceSize + TagSize + plainBytes.Length];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Aes().Encrypt(nonce, plainBytes, buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize));
        return Prefix + Convert.ToBase64String(buffer);
    }

    public string? Decrypt(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("A personal field is not in the encrypted format.");
        }

        var buffer = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[buffer.Length - NonceSize - TagSize];
        Aes().Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    private AesGcm Aes()
    {
        if (_threadAes is { } cached && ReferenceEquals(cached.Key, _key))
        {
            return cached.Aes;
        }

        _threadAes?.Aes.Dispose();
        var aes = new AesGcm(_key, TagSize);
        _threadAes = (_key, aes);
        return aes;
    }
}

/// <summary>
/// Keyed hash (HMAC-SHA256) of a normalised value, so a phone number can be looked up without
/// storing it in the clear and without a dictionary attack on the bare hash.
/// </summary>
public sealed class LookupHasher(byte[] key)
{
    public string? Hash(string? normalized)
    {
        if (string.IsNullOrEmpty(normalized))
        {
            return null;
        }

        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalized));
        return Convert.ToBase64String(mac, 0, 24);
    }
}

/// <summary>Loads or, for the embedded first run, creates the two keys.</summary>
public static class KeyMaterial
{
    public static (PersonalDataCipher Cipher, LookupHasher Hasher) Load(string? personalKeyBase64, string? lookupKeyBase64, string keyDirectory)
    {
        var personal = personalKeyBase64 is { Length: > 0 }
            ? Convert.FromBase64String(personalKeyBase64)
            : ReadOrCreate(Path.Combine(keyDirectory, "personal-data.key"));
        var lookup = lookupKeyBase64 is { Length: > 0 }
            ? Convert.FromBase64String(lookupKeyBase64)
            : ReadOrCreate(Path.Combine(keyDirectory, "lookup-hash.key"));
        return (new PersonalDataCipher(personal), new LookupHasher(lookup));
    }

    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
