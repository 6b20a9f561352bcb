using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>The account page where a staff member changes their own password, posted as a browser posts it.</summary>
public abstract partial class PasswordPageTests(AppFixture app)
{
    private const string NewPassword = "Atarashii-Pass-2026";

    [Fact]
    public async Task ChangingThePasswordEndsEverySessionAndTheNewOneSignsIn()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        var otherSession = await Accounts.SessionCookieAsync(app, user);
        using var browser = await SignedInBrowserAsync(user.Email, TestWorld.Password);

        using var response = await PostAsync(browser, TestWorld.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?passwordChanged=true", response.Headers.Location?.PathAndQuery);
        Assert.Contains("パスワードを変更しました。新しいパスワードでログインしてください。", WebUtility.HtmlDecode(await browser.GetStringAsync("/login?passwordChanged=true")), StringComparison.Ordinal);
        using (var me = await browser.GetAsync("/api/auth/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        using var bare = Accounts.BareClient(app.Factory);
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(bare, otherSession));
        using var oldLogin = await bare.PostJsonAsync("/api/auth/login", new { email = user.Email, password = TestWorld.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.StatusCode);
        using var newLogin = await bare.PostJsonAsync("/api/auth/login", new { email = user.Email, password = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, newLogin.StatusCode);
        Assert.Equal(1, (await app.AuditAsync(null, AuditActions.PasswordChanged)).Count(a => a.UserId == user.Id));
    }

    [Theory]
    [InlineData("wrong-current", "現在のパスワードが正しくありません。")]
    [InlineData("confirm-differs", "確認のために入力したパスワードが、新しいパスワードと一致しません。")]
    [InlineData("too-short", "パスワードは12文字以上にしてください。")]
    public async Task AMistakeIsShownInJapaneseAndThePasswordStays(string mistake, string message)
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        using var browser = await SignedInBrowserAsync(user.Email, TestWorld.Password);
        var (current, next, confirm) = mistake switch
        {
            "wrong-current" => ("Machigai-Pass-0000", NewPassword, NewPassword),
            "confirm-differs" => (TestWorld.Password, NewPassword, NewPassword + "x"),
            _ => (TestWorld.Password, "Short1a", "Short1a"),
        };

        using var response = await PostAsync(browser, current, next, confirm);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        using var me = await browser.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var bare = Accounts.BareClient(app.Factory);
        using var login = await bare.PostJsonAsync("/api/auth/login", new { email = user.Email, password = TestWorld.Password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string email, string password)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        using var login = await client.PostJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string current, string next, string confirm)
    {
        var page = await browser.GetStringAsync("/account/password");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });
        return await browser.PostAsync("/account/password", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class PasswordPageOnSqliteTests(SqliteApp app) : PasswordPageTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PasswordPageOnPostgresTests(PostgresApp app) : PasswordPageTests(app), IClassFixture<PostgresApp>;
