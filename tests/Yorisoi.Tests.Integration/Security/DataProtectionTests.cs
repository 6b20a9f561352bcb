using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// The key ring behind sign-in cookies lives in the instance's data directory, encrypted, and a restarted host (or a
/// second host on the same data) reads the cookies the first one issued. Files and cookies do not depend on the
/// database, so SQLite is enough.
/// </summary>
public sealed class DataProtectionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private string KeyRing => Path.Combine(app.Directory, "data-protection");

    [Fact]
    public async Task TheKeyRingIsKeptWithTheInstancesDataAndHoldsNoPlaintextKey()
    {
        _ = await app.ClientAsync(app.World.CounselorA);

        var files = Directory.GetFiles(KeyRing, "key-*.xml");
        Assert.NotEmpty(files);
        var decryptor = new KeyRingXmlDecryptor(app.Factory.Services);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            var key = XElement.Parse(text);
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey");
            var secret = Assert.Single(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
            Assert.Contains(nameof(KeyRingXmlDecryptor), secret.Attribute("decryptorType")!.Value, StringComparison.Ordinal);

            // The secret decrypts to the real master key, whose value appears nowhere in the file.
            var plain = decryptor.Decrypt(secret.Elements().Single());
            var masterKey = plain.Descendants().Single(e => e.Name.LocalName == "value").Value;
            Assert.True(masterKey.Length >= 40, plain.ToString());
            Assert.DoesNotContain(masterKey, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("XML encryptor", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("unencrypted", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ARestartedHostReadsTheCookieTheFirstOneIssued()
    {
        using var first = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var login = await first.PostAsJsonAsync("/api/auth/login", new { email = app.World.CounselorA.Email, password = TestWorld.Password });
        await login.ExpectAsync(HttpStatusCode.NoContent);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        await using var restarted = new YorisoiApplicationFactory(app.Kind, app.Factory.ConnectionString, app.Directory, migrationConnectionString: app.MigrationConnectionString);
        using var client = restarted.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(app.World.CounselorA.Id, (await response.ReadNodeAsync())["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task AHostWithAnotherPersonalDataKeyCannotReadTheKeyRing()
    {
        // The ring is bound to the instance's key material: a copy of the data directory alone issues and reads no cookies.
        using var login = await app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false })
            .PostAsJsonAsync("/api/auth/login", new { email = app.World.CounselorA.Email, password = TestWorld.Password });
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var otherKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        // A copy of the data directory, so that whatever the other host writes stays out of the fixture's ring.
        var copy = Path.Combine(app.Directory, "copy");
        Directory.CreateDirectory(Path.Combine(copy, "data-protection"));
        foreach (var file in Directory.GetFiles(KeyRing))
        {
            File.Copy(file, Path.Combine(copy, "data-protection", Path.GetFileName(file)));
        }

        await using var other = new YorisoiApplicationFactory(app.Kind, app.Factory.ConnectionString, copy,
            settings: new Dictionary<string, string> { ["Keys:PersonalData"] = otherKey, ["Keys:LookupHash"] = otherKey, ["Database:MigrateOnStart"] = "false" });
        using var client = other.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
    }
}
