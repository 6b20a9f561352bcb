using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Yorisoi.Core.Security;

namespace Yorisoi.Web.Infrastructure;

/// <summary>
/// The key ring that protects sign-in cookies, antiforgery tokens and the interactive screens' state. It lives with the
/// instance's data (not in the service account's home), under one application name so that several hosts behind a
/// load balancer read each other's cookies, and encrypted at rest with a key derived from the personal-data key.
/// Configuration: "DataProtection:Directory" (default: the data directory's data-protection folder).
/// </summary>
public static class DataProtectionRegistration
{
    public const string ApplicationName = "Yorisoi";

    internal const string KeyPurpose = "yorisoi/data-protection-key-ring/v1";

    public static WebApplicationBuilder AddYorisoiDataProtection(this WebApplicationBuilder builder)
    {
        var directory = KeyRingDirectory(builder.Configuration);
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(directory));
        builder.Services.AddSingleton(services => new KeyRingKey(services.GetRequiredService<PersonalDataCipher>().DeriveKey(KeyPurpose)));
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, services) =>
            options.XmlEncryptor = new KeyRingXmlEncryptor(services.GetRequiredService<KeyRingKey>()));
        return builder;
    }

    public static string KeyRingDirectory(IConfiguration configuration) =>
        configuration["DataProtection:Directory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["DataDirectory"] ?? Path.Combine(Directory.GetCurrentDirectory(), "data"), "data-protection");
}

/// <summary>The key that encrypts the key ring's XML at rest.</summary>
public sealed class KeyRingKey(byte[] key)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // Binds each ciphertext to its use, so a blob from elsewhere encrypted under the same key cannot pass for a key ring entry.
    private static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes(DataProtectionRegistration.KeyPurpose);

    public byte[] Encrypt(byte[] plaintext)
    {
        var buffer = new byte[NonceSize + TagSize + plaintext.Length];
        RandomNumberGenerator.Fill(buffer.AsSpan(0, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(buffer.AsSpan(0, NonceSize), plaintext, buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), AssociatedData);
        return buffer;
    }

    public byte[] Decrypt(byte[] stored)
    {
        var plaintext = new byte[stored.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(stored.AsSpan(0, NonceSize), stored.AsSpan(NonceSize + TagSize), stored.AsSpan(NonceSize, TagSize), plaintext, AssociatedData);
        return plaintext;
    }
}

/// <summary>Encrypts a key ring entry's secret with AES-256-GCM.</summary>
public sealed class KeyRingXmlEncryptor(KeyRingKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM, key derived from the instance's personal-data key "),
            new XElement("value", Convert.ToBase64String(key.Encrypt(plaintext))));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }
}

/// <summary>The data protection system creates decryptors by type name with the host's services.</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var value = encryptedElement.Element("value")?.Value ?? throw new CryptographicException("The key ring entry has no encrypted value.");
        var plaintext = services.GetRequiredService<KeyRingKey>().Decrypt(Convert.FromBase64String(value));
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
