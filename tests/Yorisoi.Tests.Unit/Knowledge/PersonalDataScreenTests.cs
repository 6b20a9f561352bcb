using Yorisoi.Core.Knowledge;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Tests.Unit.Knowledge;

public sealed class PersonalDataScreenTests
{
    [Theory]
    [InlineData("電話は090-1234-5678です", "電話は〔電話番号〕です")]
    [InlineData("０３－１２３４－５６７８に連絡", "〔電話番号〕に連絡")]
    [InlineData("03(1234)5678", "〔電話番号〕")]
    [InlineData("+81 90 1234 5678 まで", "〔電話番号〕 まで")]
    [InlineData("09012345678", "〔電話番号〕")]
    [InlineData("hanako.yamada+faq@example.co.jp に返事を", "〔メールアドレス〕 に返事を")]
    [InlineData("〒100-0001 東京都", "〔郵便番号〕 東京都")]
    [InlineData("住所は160-0022です", "住所は〔郵便番号〕です")]
    [InlineData("カード 4111 1111 1111 1111", "カード 〔番号〕")]
    [InlineData("会員番号1234567890123", "会員番号〔番号〕")]
    public void MasksPersonalData(string text, string expected) => Assert.Equal(expected, PersonalDataScreen.Mask(text));

    [Theory]
    [InlineData("8日以内ならクーリング・オフできます")]
    [InlineData("2026年4月1日に5万円を払った")]
    [InlineData("188に電話")]
    [InlineData("特定商取引法第9条の2")]
    [InlineData("料金は 12,000円")]
    public void LeavesOrdinaryTextAlone(string text)
    {
        Assert.Equal(text, PersonalDataScreen.Mask(text));
        Assert.False(PersonalDataScreen.ContainsPersonalData(text));
    }

    [Theory]
    [InlineData("佐藤花子さんの定期購入", "〔氏名〕さんの定期購入")]
    [InlineData("山田 太郎 090-1234-5678", "〔氏名〕 〔電話番号〕")]
    [InlineData("母の鈴木から相談", "母の〔氏名〕から相談")]
    public void MasksPeoplesNamesTheDictionaryKnows(string text, string expected) =>
        Assert.Equal(expected, PersonalDataScreen.Mask(text, MeCabAnalyzer.Shared));

    [Theory]
    [InlineData("さくらサイトで課金")]
    [InlineData("田中商事の訪問販売")]
    [InlineData("東京都新宿区の消費生活センター")]
    [InlineData("定期購入 解約")]
    public void LeavesBusinessesPlacesAndOrdinaryWordsAlone(string text) =>
        Assert.Equal(text, PersonalDataScreen.Mask(text, MeCabAnalyzer.Shared));

    [Fact]
    public void SearchQueriesAreNormalisedAndMasked()
    {
        Assert.Equal("定期購入 解約 〔電話番号〕", SearchLogWriter.Normalise("  定期購入　解約\t０９０-１２３４-５６７８ "));
        Assert.Equal("iphone 修理", SearchLogWriter.Normalise("ＩＰｈｏｎｅ　修理"));
        Assert.Equal("", SearchLogWriter.Normalise("   "));
        Assert.Equal("〔氏名〕 解約", SearchLogWriter.Normalise("高橋　解約", MeCabAnalyzer.Shared));
        Assert.Equal(200, SearchLogWriter.Normalise(new string('あ', 500)).Length);
    }
}
