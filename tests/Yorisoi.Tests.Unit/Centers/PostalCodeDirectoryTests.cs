using Yorisoi.Core.Centers;

namespace Yorisoi.Tests.Unit.Centers;

public sealed class PostalCodeDirectoryTests
{
    private static readonly PostalCodeDirectory Directory = new();

    [Fact]
    public void ChiyodaInChiyodaWardIsTheOnlyAddressOf1000001()
    {
        Assert.Equal([new PostalAddress("13101", "東京都", "千代田区", "千代田")], Directory.Lookup("1000001"));
    }

    [Theory]
    [InlineData("100-0001")]
    [InlineData("１００－０００１")]
    [InlineData("１００ー０００１")]
    [InlineData("〒100-0001")]
    [InlineData("〒 １０００００１")]
    [InlineData(" 100-0001 ")]
    public void PostalCodeIsFoundHoweverItIsWritten(string written)
    {
        Assert.Equal(Directory.Lookup("1000001"), Directory.Lookup(written));
    }

    [Fact]
    public void MunicipalityWideCodeHasAnEmptyTown()
    {
        Assert.Equal([new PostalAddress("13101", "東京都", "千代田区", "")], Directory.Lookup("100-0000"));
    }

    [Theory]
    [InlineData("060-0001", "01101", "北海道", "札幌市中央区", "北一条西")]
    [InlineData("530-0001", "27127", "大阪府", "大阪市北区", "梅田")]
    [InlineData("231-0023", "14104", "神奈川県", "横浜市中区", "山下町")]
    public void DesignatedCityCodesGiveTheWardNotTheCity(string postalCode, string wardCode, string prefecture, string ward, string town)
    {
        Assert.Equal([new PostalAddress(wardCode, prefecture, ward, town)], Directory.Lookup(postalCode));
    }

    [Fact]
    public void CodeOfSeveralTownsGivesEachTownInJapanPostsOrder()
    {
        Assert.Equal(
            [new PostalAddress("23114", "愛知県", "名古屋市緑区", "鳴海町"), new PostalAddress("23114", "愛知県", "名古屋市緑区", "諸の木")],
            Directory.Lookup("458-0817"));
    }

    [Fact]
    public void CodeSharedByTwoMunicipalitiesGivesBoth()
    {
        Assert.Equal(
            [new PostalAddress("13228", "東京都", "あきる野市", ""), new PostalAddress("13305", "東京都", "西多摩郡日の出町", "")],
            Directory.Lookup("190-0100"));
    }

    [Fact]
    public void FirstAndLastCodesOfTheDataAreFound()
    {
        Assert.Equal([new PostalAddress("01102", "北海道", "札幌市北区", "")], Directory.Lookup("001-0000"));
        Assert.Equal([new PostalAddress("06461", "山形県", "飽海郡遊佐町", "菅里")], Directory.Lookup("999-8531"));
    }

    [Theory]
    [InlineData("000-0000")]
    [InlineData("999-9999")]
    [InlineData("100-0009")]
    public void UnknownCodeGivesNoAddress(string postalCode)
    {
        Assert.Empty(Directory.Lookup(postalCode));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("100-000")]
    [InlineData("10000011")]
    [InlineData("1000-001")]
    [InlineData("100--0001")]
    [InlineData("abc-defg")]
    [InlineData("100 0001")]
    public void MalformedCodeGivesNoAddress(string? postalCode)
    {
        Assert.Empty(Directory.Lookup(postalCode));
    }

    [Fact]
    public void LookupsFromManyThreadsAtOnceAllSeeTheLoadedData()
    {
        var directory = new PostalCodeDirectory();

        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => directory.Lookup("100-0001")).ToList();

        Assert.All(results, r => Assert.Equal([new PostalAddress("13101", "東京都", "千代田区", "千代田")], r));
    }
}
