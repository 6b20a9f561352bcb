using Yorisoi.Core.Assistance.Rules;
using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using static Yorisoi.Tests.Unit.Assistance.Rules.RuleAssert;

namespace Yorisoi.Tests.Unit.Assistance.Rules;

public sealed class CoolingOffNoticeTests
{
    private static readonly CodeListVersion Codes = CodeListCatalog.LoadEmbedded().Current;

    private static Case DoorToDoorCase(string payment = "P01") => new()
    {
        SalesFormCode = "S2",
        ProductCode = "0301",
        ContractDate = D("2026-11-01"),
        ContractAmount = 330_000,
        AmountPaid = 50_000,
        PaymentMethodCode = payment,
        Business = new Business { Name = "株式会社寝具堂", Address = "東京都千代田区一丁目1-1" },
        ContractParty = new Party { Name = "山田花子", Address = "東京都港区二丁目2-2" },
    };

    [Fact]
    public void TheNoticeCarriesTheContractAndTheStatement()
    {
        var notice = CoolingOffNoticeBuilder.For(DoorToDoorCase(), Codes).WithSalesPerson("佐藤").Build();

        Assert.Equal("契約解除通知書", notice.Heading);
        Assert.Equal("株式会社寝具堂", notice.Addressee.Name);
        Assert.Equal("東京都千代田区一丁目1-1", notice.Addressee.Address);
        Assert.Equal("御中", notice.Addressee.Honorific);
        Assert.Equal(D("2026-11-01"), notice.ContractDate);
        Assert.Equal("家具・寝具", notice.ProductName);
        Assert.Equal(330_000, notice.ContractAmount);
        Assert.Equal("上記契約を解除します。", notice.Statement);
        Assert.Equal("支払った金額50,000円を返金し、商品を引き取ってください。", notice.Request);
        Assert.Contains(new NoticeLine("契約年月日", "2026年11月1日"), notice.Lines);
        Assert.Contains(new NoticeLine("契約金額", "330,000円"), notice.Lines);
        Assert.Contains(new NoticeLine("担当者", "佐藤"), notice.Lines);
        Assert.Null(notice.CreditCompanyNotice);
    }

    [Fact]
    public void TheConsumersNameAndAddressStayBlankUnlessPassed()
    {
        var notice = CoolingOffNoticeBuilder.For(DoorToDoorCase(), Codes).Build();

        Assert.Null(notice.ConsumerName);
        Assert.Null(notice.ConsumerAddress);
        Assert.Null(notice.NoticeDate);
        Assert.Contains(new NoticeLine("氏名", null), notice.Lines);
        Assert.Contains(new NoticeLine("住所", null), notice.Lines);
        Assert.Contains(new NoticeLine("通知日", null), notice.Lines);
        Assert.DoesNotContain(notice.Lines, l => l.Value is { } v && v.Contains("山田", StringComparison.Ordinal));
    }

    [Fact]
    public void TheConsumersDetailsAndDateArePrintedWhenGiven()
    {
        var notice = CoolingOffNoticeBuilder.For(DoorToDoorCase(), Codes)
            .WithConsumer("山田花子", "東京都港区二丁目2-2")
            .WithNoticeDate(D("2026-11-05"))
            .WithProductName("羽毛布団セット")
            .Build();

        Assert.Contains(new NoticeLine("氏名", "山田花子"), notice.Lines);
        Assert.Contains(new NoticeLine("通知日", "2026年11月5日"), notice.Lines);
        Assert.Contains(new NoticeLine("商品名（役務名）", "羽毛布団セット"), notice.Lines);
    }

    [Fact]
    public void IndividualCreditAddsASecondNoticeToTheCreditCompany()
    {
        var notice = CoolingOffNoticeBuilder.For(DoorToDoorCase("P05"), Codes).Build();

        var credit = Assert.IsType<CoolingOffNotice>(notice.CreditCompanyNotice);
        Assert.Null(credit.Addressee.Name);
        Assert.Equal("販売会社株式会社寝具堂との上記契約に係るクレジット契約を解除します。", credit.Statement);
        Assert.Contains(new NoticeLine("クレジット契約番号", null), credit.Lines);
        Assert.Null(credit.CreditCompanyNotice);
    }

    [Fact]
    public void ANamedCreditCompanyIsTheSecondNoticesAddressee()
    {
        var notice = CoolingOffNoticeBuilder.For(DoorToDoorCase(), Codes).WithCreditCompany("〇〇クレジット株式会社", null).Build();

        Assert.Equal("〇〇クレジット株式会社", notice.CreditCompanyNotice?.Addressee.Name);
        Assert.Null(notice.CreditCompanyNotice?.Addressee.Address);
    }

    [Fact]
    public void ADoorToDoorPurchaseNoticeAsksForTheGoodsBack()
    {
        var c = DoorToDoorCase("P05");
        c.SalesFormCode = "S7";
        c.ProductCode = "0508";

        var notice = CoolingOffNoticeBuilder.For(c, Codes).Build();

        Assert.Equal("上記の売買契約を解除します。", notice.Statement);
        Assert.Equal("引き渡した物品を返還してください。受け取った代金はお返しします。", notice.Request);
        Assert.Contains(new NoticeLine("売却した物品", "アクセサリー・時計"), notice.Lines);
        Assert.Null(notice.CreditCompanyNotice);
    }

    [Theory]
    [InlineData("1006")] // 他の商品
    [InlineData("1601")] // 役務一般
    [InlineData(null)]
    public void AGenericClassificationLeavesTheProductNameBlank(string? product)
    {
        var c = DoorToDoorCase();
        c.ProductCode = product;

        Assert.Null(CoolingOffNoticeBuilder.For(c, Codes).Build().ProductName);
    }

    [Fact]
    public void NothingPaidAsksForTheRefundWithoutAnAmount()
    {
        var c = DoorToDoorCase();
        c.AmountPaid = null;

        Assert.Equal("支払った金額を返金し、商品を引き取ってください。", CoolingOffNoticeBuilder.For(c, Codes).Build().Request);
    }
}
