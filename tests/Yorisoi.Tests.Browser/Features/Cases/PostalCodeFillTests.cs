using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Cases;

[Collection(BrowserTestGroup.Name)]
public sealed class PostalCodeFillTests(YorisoiHost host)
{
    [Fact]
    public async Task PostalCodeFillsTheMunicipalityAndTheStartOfTheAddress()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");

        await page.GetByLabel("相談者の郵便番号").FillAsync("100-0001");
        await page.GetByLabel("相談者の郵便番号").PressAsync("Tab");

        var address = page.GetByLabel("相談者の住所");
        await Assertions.Expect(address).ToHaveValueAsync("東京都千代田区千代田");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "相談者の居住市区町村" })).ToHaveValueAsync("東京都 千代田区");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "郵便番号から" }))
            .ToHaveTextAsync("郵便番号から住所「東京都千代田区千代田」と市区町村「東京都 千代田区」を入力しました。");

        // The counselor carries on with the street number where the fill stopped.
        await address.FocusAsync();
        await address.PressAsync("End");
        await address.PressSequentiallyAsync("1-1");
        await Assertions.Expect(address).ToHaveValueAsync("東京都千代田区千代田1-1");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PostalCodeNeverReplacesWhatTheCounselorTyped()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        var address = page.GetByLabel("相談者の住所");
        await address.FillAsync("大阪府大阪市北区梅田1-1");
        await address.PressAsync("Tab");

        await page.GetByLabel("相談者の郵便番号").FillAsync("100-0001");
        await page.GetByLabel("相談者の郵便番号").PressAsync("Tab");

        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "相談者の居住市区町村" })).ToHaveValueAsync("東京都 千代田区");
        await Assertions.Expect(address).ToHaveValueAsync("大阪府大阪市北区梅田1-1");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CodeOfSeveralTownsOffersTheTownsAndTheChosenOneCompletesTheAddress()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");

        await page.GetByLabel("相談者の郵便番号").FillAsync("４５８－０８１７");
        await page.GetByLabel("相談者の郵便番号").PressAsync("Tab");

        var address = page.GetByLabel("相談者の住所");
        await Assertions.Expect(address).ToHaveValueAsync("愛知県名古屋市緑区");
        var towns = page.GetByRole(AriaRole.List, new() { Name = "町域の候補" });
        await Assertions.Expect(towns.GetByRole(AriaRole.Button)).ToHaveTextAsync(["愛知県名古屋市緑区鳴海町", "愛知県名古屋市緑区諸の木"]);

        await towns.GetByRole(AriaRole.Button, new() { Name = "愛知県名古屋市緑区諸の木" }).ClickAsync();

        await Assertions.Expect(address).ToHaveValueAsync("愛知県名古屋市緑区諸の木");
        await Assertions.Expect(address).ToBeFocusedAsync();
        await Assertions.Expect(towns).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "相談者の居住市区町村" })).ToHaveValueAsync("愛知県 名古屋市緑区");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnotherPostalCodeReplacesWhatTheEarlierCodeFilledAndCodeOfTwoMunicipalitiesLetsTheCounselorChoose()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        var postalCode = page.GetByLabel("相談者の郵便番号");
        var address = page.GetByLabel("相談者の住所");
        var municipality = page.GetByRole(AriaRole.Combobox, new() { Name = "相談者の居住市区町村" });
        await postalCode.FillAsync("100-0001");
        await postalCode.PressAsync("Tab");
        await Assertions.Expect(address).ToHaveValueAsync("東京都千代田区千代田");

        await postalCode.FillAsync("190-0100");
        await postalCode.PressAsync("Tab");

        await Assertions.Expect(address).ToHaveValueAsync("東京都");
        await Assertions.Expect(municipality).ToHaveValueAsync("");
        var choices = page.GetByRole(AriaRole.List, new() { Name = "町域の候補" });
        await choices.GetByRole(AriaRole.Button, new() { Name = "東京都西多摩郡日の出町" }).ClickAsync();
        await Assertions.Expect(address).ToHaveValueAsync("東京都西多摩郡日の出町");
        await Assertions.Expect(municipality).ToHaveValueAsync("東京都 日の出町");
        await page.Context.CloseAsync();
    }
}
