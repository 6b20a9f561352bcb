using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>The code an authenticator app shows: RFC 6238 TOTP with HMAC-SHA1, 30-second steps, 6 digits.</summary>
public static class Totp
{
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6238 authenticator apps use HMAC-SHA1.")]
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32Decode(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Decode(string base32)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32.TrimEnd('=').ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return output.ToArray();
    }
}

/// <summary>
/// Codes for repeated sign-ins of the same accounts against one host. The server accepts each time step once, within
/// ±30 s; this hands out the current or the next step that the account has not used yet, and waits for the clock
/// when both are used.
/// </summary>
public sealed class TotpSequence : IDisposable
{
    private readonly Dictionary<string, long> _lastStep = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<string> NextAsync(string account, string base32Key)
    {
        await _gate.WaitAsync();
        try
        {
            var current = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var step = _lastStep.TryGetValue(account, out var last) ? Math.Max(last + 1, current) : current;
            while (step > DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + 1)
            {
                // Both usable steps are spent: the next one opens when the clock reaches it.
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            _lastStep[account] = step;
            return Totp.Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
