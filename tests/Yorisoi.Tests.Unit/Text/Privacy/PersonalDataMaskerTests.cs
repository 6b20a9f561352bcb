using System.Reflection;
using Yorisoi.Text.Privacy;

namespace Yorisoi.Tests.Unit.Text.Privacy;

public sealed class PersonalDataMaskerTests
{
    private static PersonalDataMasker Masker => MaskerFixture.Masker;

    private static string Masked(string text) => Masker.Mask(text).Text;

    [Theory]
    [InlineData("電話は03-1234-5678です", "電話は〔電話番号〕です")]
    [InlineData("電話は0312345678です", "電話は〔電話番号〕です")]
    [InlineData("電話は(03)1234-5678です", "電話は〔電話番号〕です")]
    [InlineData("電話は03(1234)5678です", "電話は〔電話番号〕です")]
    [InlineData("電話は０３－１２３４－５６７８です", "電話は〔電話番号〕です")]
    [InlineData("電話は０３（１２３４）５６７８です", "電話は〔電話番号〕です")]
    [InlineData("電話は03 1234 5678です", "電話は〔電話番号〕です")]
    [InlineData("窓口は0120-123-456まで", "窓口は〔電話番号〕まで")]
    [InlineData("ナビダイヤル0570-000-123に", "ナビダイヤル〔電話番号〕に")]
    [InlineData("IP電話050-1234-5678から", "IP電話〔電話番号〕から")]
    [InlineData("携帯090-1234-5678", "携帯〔電話番号〕")]
    [InlineData("携帯０８０ー１２３４ー５６７８", "携帯〔電話番号〕")]
    [InlineData("携帯07011112222", "携帯〔電話番号〕")]
    [InlineData("海外から+81-90-1234-5678に", "海外から〔電話番号〕に")]
    [InlineData("+81 3 1234 5678", "〔電話番号〕")]
    [InlineData("+81(0)3-1234-5678", "〔電話番号〕")]
    [InlineData("電話番号は1234-5678", "電話番号は〔電話番号〕")]
    public void PhoneNumbersInEveryFormatAreMasked(string text, string expected) => Assert.Equal(expected, Masked(text));

    [Theory]
    [InlineData("代金は29,800円で、2026-11-01に契約")]
    [InlineData("2026年11月1日に届いた")]
    [InlineData("受付番号2026-13-000123の件")]
    [InlineData("受付番号2026-000123の件")]
    [InlineData("10:30から12:00まで3回かけた")]
    [InlineData("2026/11/01 14:05、計12,000円を3回")]
    [InlineData("１０時〜１７時、５回お約束のコース")]
    [InlineData("注文番号 2026-1101-5523")]
    public void AmountsDatesReceiptNumbersTimesAndCountsAreKept(string text) => Assert.Equal(text, Masked(text));

    [Theory]
    [InlineData("taro.yamada@example.co.jp に連絡", "〔メール〕 に連絡")]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐに", "〔メール〕に")]
    [InlineData("メールはtaro＠example.jp", "メールは〔メール〕")]
    [InlineData("taro (at) example.com", "〔メール〕")]
    [InlineData("tanaka アットマーク example ドット jp", "〔メール〕")]
    [InlineData("<a href=\"mailto:hanako@example.jp\">", "<a href=\"mailto:〔メール〕\">")]
    public void EmailAddressesAreMaskedIncludingFullWidthAndSpelledOut(string text, string expected) => Assert.Equal(expected, Masked(text));

    [Fact]
    public void UrlsOfBusinessesAreKept()
    {
        const string text = "https://example-shop.jp/item?id=123 で購入";
        Assert.Equal(text, Masked(text));
    }

    [Theory]
    [InlineData("東京都千代田区丸の内1-2-3に住む", "東京都千代田区〔住所〕に住む")]
    [InlineData("横浜市中区山下町１２３番地の自宅", "横浜市中区〔住所〕の自宅")]
    [InlineData("千代田区丸の内一丁目２番３号 ○○マンション101号室", "千代田区〔住所〕")]
    [InlineData("大阪市北区梅田3-4-5 梅田レジデンス1203", "大阪市北区〔住所〕")]
    [InlineData("札幌市中央区北一条西２丁目１番地在住", "札幌市中央区〔住所〕在住")]
    [InlineData("名古屋市中村区名駅４－２７－１ 名駅タワー806号室", "名古屋市中村区〔住所〕")]
    [InlineData("丸の内一丁目２番３号", "〔住所〕")]
    public void StreetAddressesAreMaskedAfterThePrefectureAndMunicipality(string text, string expected) => Assert.Equal(expected, Masked(text));

    [Theory]
    [InlineData("東京都千代田区丸の内1-2-3に住む", "東京都千代田区〔住所〕に住む")]
    [InlineData("横浜市中区山下町１２３番地の自宅", "横浜市中区〔住所〕の自宅")]
    [InlineData("足柄下郡箱根町湯本2丁目3番", "足柄下郡〔住所〕")]
    public void StreetAddressesAreMaskedWithoutTheListOfLocalGovernments(string text, string expected) =>
        Assert.Equal(expected, MaskerFixture.WithoutPlaceNames.Mask(text).Text);

    [Theory]
    [InlineData("横浜市の業者から電話")]
    [InlineData("相談者は東京都在住、千葉県の店で購入")]
    [InlineData("大阪府大阪市北区の事業者")]
    [InlineData("国道1号沿いの店で3号機を購入")]
    [InlineData("1番安いプランを2番目に勧められた")]
    public void BarePlaceNamesAndOrdinalNumbersAreKept(string text) => Assert.Equal(text, Masked(text));

    [Theory]
    [InlineData("〒100-0001 東京都千代田区", "〔郵便番号〕 東京都千代田区")]
    [InlineData("〒１００－０００１", "〔郵便番号〕")]
    [InlineData("郵便番号は1000001", "郵便番号は〔郵便番号〕")]
    [InlineData("100-0001 千代田区千代田1-1", "〔郵便番号〕 千代田区〔住所〕")]
    public void PostalCodesAreMasked(string text, string expected) => Assert.Equal(expected, Masked(text));

    [Theory]
    [InlineData("口座番号1234567に振り込んだ", "口座番号〔口座番号〕に振り込んだ")]
    [InlineData("普通 1234567", "普通 〔口座番号〕")]
    [InlineData("新宿支店 普通預金 7654321", "新宿支店 普通預金 〔口座番号〕")]
    [InlineData("渋谷支店１２３４５６７", "渋谷支店〔口座番号〕")]
    [InlineData("ゆうちょ銀行 記号12340 番号12345678", "ゆうちょ銀行 記号〔口座番号〕 番号〔口座番号〕")]
    public void BankAccountNumbersAfterABankingWordAreMasked(string text, string expected) => Assert.Equal(expected, Masked(text));

    [Fact]
    public void SevenDigitNumbersWithoutABankingWordAreKept()
    {
        const string text = "会員ID 1234567 でログイン、銀行で250,000円を下ろした";
        Assert.Equal(text, Masked(text));
    }

    [Theory]
    [InlineData("4111 1111 1111 1111で決済", "〔カード番号〕で決済")]
    [InlineData("４１１１－１１１１－１１１１－１１１１", "〔カード番号〕")]
    [InlineData("5500000000000004", "〔カード番号〕")]
    [InlineData("3782-822463-10005", "〔カード番号〕")]
    [InlineData("カード番号 1234 5678 9012 3456", "カード番号 〔カード番号〕")]
    public void CardNumbersAreMaskedByTheirLuhnDigitOrTheWordCard(string text, string expected) => Assert.Equal(expected, Masked(text));

    [Fact]
    public void LongNumbersThatFailTheLuhnCheckWithoutTheWordCardAreKept()
    {
        const string text = "追跡番号 1234 5678 9012 3456 で確認";
        Assert.Equal(text, Masked(text));
    }

    [Theory]
    [InlineData("番号123456789018を入力", "番号〔マイナンバー〕を入力")]
    [InlineData("マイナンバー1234 5678 9012を伝えた", "マイナンバー〔マイナンバー〕を伝えた")]
    [InlineData("個人番号は１２３４－５６７８－９０１８", "個人番号は〔マイナンバー〕")]
    public void MyNumbersAreMaskedByTheirCheckDigitOrTheWord(string text, string expected) => Assert.Equal(expected, Masked(text));

    [Theory]
    [InlineData("生年月日：1980年4月1日", "生年月日：〔生年月日〕")]
    [InlineData("生年月日 昭和55年4月1日", "生年月日 〔生年月日〕")]
    [InlineData("生年月日 S55.4.1", "生年月日 〔生年月日〕")]
    [InlineData("生年月日は1990/07/21", "生年月日は〔生年月日〕")]
    [InlineData("１９８５年４月１２日生まれの女性", "〔生年月日〕生まれの女性")]
    [InlineData("昭和十五年二月二十八日生", "〔生年月日〕生")]
    [InlineData("誕生日は4月1日", "誕生日は〔生年月日〕")]
    public void DatesOfBirthAreMasked(string text, string expected) => Assert.Equal(expected, Masked(text));

    [Theory]
    [InlineData("1948年生まれの父")]
    [InlineData("2026年11月1日に契約した")]
    public void OtherDatesAndBirthYearsAreKept(string text) => Assert.Equal(text, Masked(text));

    [Theory]
    [InlineData("田中太郎さんから電話", "〔氏名〕さんから電話")]
    [InlineData("相談者は鈴木花子様", "相談者は〔氏名〕様")]
    [InlineData("山田 太郎が来所", "〔氏名〕が来所")]
    [InlineData("担当の伊藤課長が対応", "担当の〔氏名〕課長が対応")]
    [InlineData("林さんに折り返す", "〔氏名〕さんに折り返す")]
    [InlineData("相談者 林さん", "相談者 〔氏名〕さん")]
    [InlineData("ジョン・スミスさんが来所", "〔氏名〕さんが来所")]
    [InlineData("マリアさんの契約", "〔氏名〕さんの契約")]
    [InlineData("名前は後藤と言った", "名前は〔氏名〕と言った")]
    [InlineData("氏名：佐々木 翔太", "氏名：〔氏名〕")]
    [InlineData("ヤマダタロウと名乗る男", "〔氏名〕と名乗る男")]
    [InlineData("「ゆうき」と名乗っていた", "「〔氏名〕」と名乗っていた")]
    [InlineData("健太くんと美咲ちゃん", "〔氏名〕くんと〔氏名〕ちゃん")]
    public void PeoplesNamesAreMasked(string text, string expected) => Assert.Equal(expected, Masked(text));

    [Theory]
    [InlineData("母と長男が来所、相談者は70代")]
    [InlineData("お母さんとお客様、大家さんとヘルパーさん")]
    [InlineData("業者さんと利用者さんに説明")]
    [InlineData("株式会社ライフサポートの営業担当")]
    [InlineData("田中商事から請求")]
    [InlineData("三井住友銀行の口座")]
    [InlineData("「ミツボシ設備」と名乗る業者")]
    [InlineData("年金事務所を名乗る電話")]
    [InlineData("Amazonを名乗るメール")]
    [InlineData("保険年金課を名乗る男性")]
    [InlineData("コールセンターにかけた")]
    [InlineData("氏名・住所・電話番号を伝えた")]
    [InlineData("名前は不明")]
    [InlineData("名前を聞かなかった")]
    public void RoleWordsBusinessesAndOrdinaryWordsAreKept(string text) => Assert.Equal(text, Masked(text));

    [Fact]
    public void OnlyThePersonalPartsChangeAndSpansPointIntoTheOriginal()
    {
        const string text = "相談者の田中さん（090-1234-5678）から、29,800円の件。";
        var result = Masker.Mask(text);

        Assert.Equal("相談者の〔氏名〕さん（〔電話番号〕）から、29,800円の件。", result.Text);
        Assert.Collection(result.Spans,
            s => Assert.Equal((PersonalDataKind.PersonName, "田中"), (s.Kind, text.Substring(s.Start, s.Length))),
            s => Assert.Equal((PersonalDataKind.PhoneNumber, "090-1234-5678"), (s.Kind, text.Substring(s.Start, s.Length))));
        foreach (var s in result.Spans)
        {
            Assert.Equal(s.Placeholder, result.Text.Substring(s.MaskedStart, s.Placeholder.Length));
        }
    }

    [Fact]
    public void MaskedTextHoldsNoOriginalValue()
    {
        const string text = "田中太郎さん 090-1234-5678 taro@example.jp 東京都千代田区丸の内1-2-3";
        var result = Masker.Mask(text);
        string[] originals = ["田中", "太郎", "090", "1234", "taro", "example", "丸の内"];

        var visible = new List<string?> { result.ToString() };
        foreach (var property in typeof(MaskedText).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            visible.Add(property.GetValue(result)?.ToString());
        }

        foreach (var field in typeof(MaskedText).GetFields(BindingFlags.NonPublic | BindingFlags.Instance))
        {
            visible.Add(field.GetValue(result)?.ToString());
        }

        visible.AddRange(result.Spans.Select(s => s.ToString()));
        foreach (var value in visible)
        {
            foreach (var original in originals)
            {
                Assert.DoesNotContain(original, value ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("The consumer called about a subscription she never agreed to. Call me at 555-0100.")]
    [InlineData("😀😀😀\u0000\u200b〔〕")]
    public void UnusualInputNeverThrows(string? text)
    {
        var result = Masker.Mask(text);
        Assert.NotNull(result.Text);
    }

    [Fact]
    public void LongNarrativesAreMaskedWhole()
    {
        var text = string.Concat(Enumerable.Repeat("相談者の田中さんは090-1234-5678から電話。", 400)) + new string('1', 3000) + new string('a', 3000);
        Assert.True(text.Length >= 10_000);

        var result = Masker.Mask(text);

        Assert.Equal(400, result.Count(PersonalDataKind.PhoneNumber));
        Assert.DoesNotContain("090-1234", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MaskingAMaskedTextChangesNothing()
    {
        var once = Masker.Mask("田中太郎さん（東京都千代田区丸の内1-2-3、090-1234-5678、生年月日1980年4月1日）").Text;
        Assert.Equal(once, Masker.Mask(once).Text);
    }

    [Fact]
    public void CenterSpecificWordsCanBeKeptFromBeingReadAsNames()
    {
        var masker = new PersonalDataMasker(MeCabFixture.Analyzer, new PersonalDataMaskerOptions { NotNames = ["大塚"] });
        Assert.Equal("大塚の店舗で購入", masker.Mask("大塚の店舗で購入").Text);
        Assert.Equal("〔氏名〕さんが購入", masker.Mask("大塚さんが購入").Text);
    }

    [Fact]
    public void MaskingIsSafeFromManyThreads()
    {
        const string text = "田中さん 090-1234-5678 横浜市中区山下町123番地";
        var expected = Masked(text);
        Parallel.For(0, 200, _ => Assert.Equal(expected, Masked(text)));
    }
}
