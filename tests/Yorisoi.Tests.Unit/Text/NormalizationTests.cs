using Yorisoi.Core.Cases;
using Yorisoi.Text;

namespace Yorisoi.Tests.Unit.Text;

public sealed class NormalizationTests
{
    [Theory]
    [InlineData("ケ－キ", "けーき")]
    [InlineData("ｹｰｷ", "けーき")]
    [InlineData("コ−ヒ—", "こーひー")]
    [InlineData("いすゞ", "いすず")]
    [InlineData("こゝろ", "こころ")]
    [InlineData("バナヽ", "ばなな")]
    [InlineData("人々", "人々")]
    [InlineData("ｶﾞｽ", "がす")]
    [InlineData("Ｔｅｌ：０３", "tel:03")]
    public void FoldHandlesLongVowelVariantsIterationMarksAndVoicedHalfWidthKana(string input, string expected)
    {
        Assert.Equal(expected, JapaneseNormalizer.Fold(input));
    }

    [Fact]
    public void AHyphenBetweenDigitsStaysAHyphen()
    {
        Assert.Equal("03-1234", JapaneseNormalizer.Fold("０３－１２３４"));
    }

    [Theory]
    [InlineData("一万円", "10000円")]
    [InlineData("三万五千円を払った", "35000円を払った")]
    [InlineData("２０万円", "200000円")]
    [InlineData("1,000円", "1000円")]
    [InlineData("1万5000円", "15000円")]
    [InlineData("十二回払い", "12回払い")]
    [InlineData("二〇二四年", "2024年")]
    [InlineData("第一回", "第1回")]
    [InlineData("百円ショップ", "100円ショップ")]
    [InlineData("一般社団法人", "一般社団法人")]
    [InlineData("一時停止", "一時停止")]
    [InlineData("十分な説明", "十分な説明")]
    [InlineData("統一", "統一")]
    [InlineData("関東一円", "関東一円")]
    [InlineData("代金三万円", "代金30000円")]
    [InlineData("同一人", "同一人")]
    [InlineData("万一の場合", "万一の場合")]
    [InlineData("一部返金", "一部返金")]
    [InlineData("1.5万円", "1.5万円")]
    [InlineData("千葉県", "千葉県")]
    [InlineData("1,2,3", "1,2,3")]
    public void KanjiNumeralsBeforeUnitsBecomeDigitsAndWordsStayWords(string input, string expected)
    {
        Assert.Equal(expected, NumeralNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData("二十三", 23)]
    [InlineData("三万五千", 35000)]
    [InlineData("千二百", 1200)]
    [InlineData("1万5000", 15000)]
    [InlineData("二〇二四", 2024)]
    [InlineData("一億二千万", 120000000)]
    public void NumeralValues(string numeral, long expected)
    {
        Assert.True(NumeralNormalizer.TryValue(numeral, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void NormalisedTextMapsEveryCharacterBackToTheOriginal()
    {
        const string original = "ｶﾞｽ代一万円、㈱ＡＢＣ";
        var normalized = JapaneseNormalizer.Normalize(original);

        Assert.Equal("ガス代10000円、(株)abc", normalized.Text);
        Assert.Equal((0, 3), normalized.ToOriginal(0, 2));
        Assert.Equal((4, 2), normalized.ToOriginal(3, 5));
        Assert.Equal((8, 1), normalized.ToOriginal(10, 1));
        Assert.Equal((9, 3), normalized.ToOriginal(13, 3));
    }

    [Theory]
    [InlineData("㈱ＡＢＣ")]
    [InlineData("ABC株式会社")]
    [InlineData("ＡＢＣ（株）")]
    [InlineData("abc co., ltd.")]
    [InlineData("ABC Co.,Ltd.")]
    [InlineData("株式会社　ＡＢＣ")]
    [InlineData("ABC Inc.")]
    [InlineData("ABC Corp.")]
    [InlineData("ABC LLC")]
    [InlineData("カブシキガイシャABC")]
    [InlineData("(有)ABC")]
    [InlineData("ABC合同会社")]
    [InlineData("一般社団法人 A・B・C")]
    [InlineData("ａｂｃ")]
    public void BusinessNamesMeetWhateverTheLegalFormAndWidth(string name)
    {
        Assert.Equal("abc", BusinessNameFolder.Key(name));
        Assert.True(BusinessNameFolder.SameBusiness("㈱ＡＢＣ", name));
    }

    [Fact]
    public void BusinessNamesKeepWhatMakesThemDifferent()
    {
        Assert.Equal("よりそい通販", BusinessNameFolder.Key("ヨリソイ通販株式会社"));
        Assert.Equal("costco", BusinessNameFolder.Key("Costco"));
        Assert.Equal("incubator", BusinessNameFolder.Key("Incubator Inc."));
        Assert.False(BusinessNameFolder.SameBusiness("ABC株式会社", "ABD株式会社"));
        Assert.Equal("株式会社", BusinessNameFolder.Key("株式会社"));
        Assert.Equal(string.Empty, BusinessNameFolder.Key("  "));
        Assert.False(BusinessNameFolder.SameBusiness(null, ""));
    }

    [Theory]
    [InlineData("03-1234-5678", "0312345678")]
    [InlineData("０３－１２３４－５６７８", "0312345678")]
    [InlineData("090 1234 5678", "09012345678")]
    [InlineData("(03)1234-5678", "0312345678")]
    [InlineData("+81 3-1234-5678", "0312345678")]
    [InlineData("+81-90-1234-5678", "09012345678")]
    [InlineData("＋８１　９０ー１２３４ー５６７８", "09012345678")]
    [InlineData("+81 (0)3-1234-5678", "0312345678")]
    [InlineData("+1 415 555 0100", "+14155550100")]
    [InlineData("1234", null)]
    [InlineData("電話なし", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void PhoneNumbersHaveOneForm(string? input, string? expected)
    {
        Assert.Equal(expected, PhoneNumberNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData("03-1234-5678")]
    [InlineData("０３－１２３４－５６７８")]
    [InlineData("090 1234 5678")]
    [InlineData("(03)1234-5678")]
    [InlineData("+81 3-1234-5678")]
    [InlineData("+81-90-1234-5678")]
    [InlineData("＋８１　９０ー１２３４ー５６７８")]
    [InlineData("+1 415 555 0100")]
    [InlineData("0120‐123‐456")]
    [InlineData("+81 (0)3-1234-5678")]
    [InlineData("+81(0)90-1234-5678")]
    [InlineData("1234")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    public void PhoneNormalisationAgreesWithTheCaseForm(string? input)
    {
        Assert.Equal(CaseValidator.NormalizePhone(input), PhoneNumberNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData("０９０－１２", "09012")]
    [InlineData("+81 90", "090")]
    [InlineData("5678", "5678")]
    [InlineData("+81 3-1234-5678", "0312345678")]
    [InlineData("なし", "")]
    public void PartialPhoneNumbersGiveASearchKey(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumberNormalizer.SearchKey(input));
    }
}
