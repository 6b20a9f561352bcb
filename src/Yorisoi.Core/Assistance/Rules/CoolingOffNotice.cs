using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Assistance.Rules;

/// <summary>The addressee on the address side of the はがき: the business, or the credit company for the second notice.</summary>
public sealed record NoticeAddressee(string? Name, string? Address, string Honorific);

/// <summary>One printed line of the message side: a label and its value; a null value is a blank the consumer fills in by hand.</summary>
public sealed record NoticeLine(string Label, string? Value);

/// <summary>
/// A printable cooling-off notice (契約解除通知書) in the はがき layout: the addressee on the address side and, on the
/// message side, the contract, the statement, the request, the date and the consumer's address and name. The
/// consumer's details stay blank unless the caller passes them; they are never read from the case.
/// </summary>
public sealed record CoolingOffNotice
{
    public required NoticeAddressee Addressee { get; init; }

    /// <summary>契約解除通知書.</summary>
    public required string Heading { get; init; }

    public DateOnly? ContractDate { get; init; }

    public string? ProductName { get; init; }

    public long? ContractAmount { get; init; }

    public string? BusinessName { get; init; }

    public string? BusinessAddress { get; init; }

    public string? SalesPerson { get; init; }

    /// <summary>「上記契約を解除します。」 or, for the credit company, the cancellation of the credit contract.</summary>
    public required string Statement { get; init; }

    /// <summary>What the business is asked to do: refund and collect the goods, or return what was bought from the consumer.</summary>
    public string? Request { get; init; }

    /// <summary>The day the notice is sent; null leaves it to be written by hand.</summary>
    public DateOnly? NoticeDate { get; init; }

    public string? ConsumerName { get; init; }

    public string? ConsumerAddress { get; init; }

    /// <summary>The message side in print order, with blanks for what is not known.</summary>
    public required IReadOnlyList<NoticeLine> Lines { get; init; }

    /// <summary>The notice to the credit company (個別クレジット), to be sent as well; null when there is none.</summary>
    public CoolingOffNotice? CreditCompanyNotice { get; init; }
}

/// <summary>Builds a <see cref="CoolingOffNotice"/> from a case, with what only the consumer or counselor can add.</summary>
public sealed class CoolingOffNoticeBuilder
{
    private const string GenericNamePrefix = "他の";
    private const string GenericNameSuffix = "一般";

    private readonly Case _case;
    private string? _productName;
    private string? _salesPerson;
    private bool _credit;
    private string? _creditName;
    private string? _creditAddress;
    private string? _consumerName;
    private string? _consumerAddress;
    private DateOnly? _noticeDate;

    private CoolingOffNoticeBuilder(Case c, CodeListVersion codes)
    {
        _case = c;

        // The product classification stands in for the product's name until one is given; 「他の商品」「役務一般」 and
        // the like name nothing, so those stay blank.
        var name = codes.NameOf(CodeListNames.Product, c.ProductCode);
        _productName = name is not null && !name.StartsWith(GenericNamePrefix, StringComparison.Ordinal) && !name.EndsWith(GenericNameSuffix, StringComparison.Ordinal) ? name : null;
        _credit = string.Equals(c.PaymentMethodCode, RuleCodes.IndividualCredit, StringComparison.Ordinal);
    }

    public static CoolingOffNoticeBuilder For(Case c, CodeListVersion codes) => new(c, codes);

    public CoolingOffNoticeBuilder WithProductName(string productName)
    {
        _productName = productName;
        return this;
    }

    public CoolingOffNoticeBuilder WithSalesPerson(string salesPerson)
    {
        _salesPerson = salesPerson;
        return this;
    }

    /// <summary>Adds the notice to the credit company; name and address may stay null to be written by hand.</summary>
    public CoolingOffNoticeBuilder WithCreditCompany(string? name, string? address)
    {
        _credit = true;
        _creditName = name;
        _creditAddress = address;
        return this;
    }

    /// <summary>The consumer's address and name, only when the consumer asks for them to be printed.</summary>
    public CoolingOffNoticeBuilder WithConsumer(string? name, string? address)
    {
        _consumerName = name;
        _consumerAddress = address;
        return this;
    }

    public CoolingOffNoticeBuilder WithNoticeDate(DateOnly noticeDate)
    {
        _noticeDate = noticeDate;
        return this;
    }

    public CoolingOffNotice Build()
    {
        var purchase = string.Equals(_case.SalesFormCode, RuleCodes.DoorToDoorPurchase, StringComparison.Ordinal);
        var business = Blank(_case.Business.Name);
        var paid = _case.AmountPaid is > 0 ? _case.AmountPaid : null;
        var request = purchase
            ? AssistanceText.Get("Notice.Request.Purchase")
            : paid is { } amount
                ? AssistanceText.Format("Notice.Request.RefundAmount", AssistanceText.Yen(amount))
                : AssistanceText.Get("Notice.Request.Refund");
        var statement = AssistanceText.Get(purchase ? "Notice.Statement.Purchase" : "Notice.Statement");

        var notice = new CoolingOffNotice
        {
            Addressee = new NoticeAddressee(business, Blank(_case.Business.Address), AssistanceText.Get("Notice.Honorific")),
            Heading = AssistanceText.Get("Notice.Heading"),
            ContractDate = _case.ContractDate,
            ProductName = _productName,
            ContractAmount = _case.ContractAmount,
            BusinessName = business,
            BusinessAddress = Blank(_case.Business.Address),
            SalesPerson = Blank(_salesPerson),
            Statement = statement,
            Request = request,
            NoticeDate = _noticeDate,
            ConsumerName = Blank(_consumerName),
            ConsumerAddress = Blank(_consumerAddress),
            Lines = [],
        };
        notice = notice with { Lines = MessageLines(notice, purchase, creditContractNumber: false) };
        if (!_credit || purchase)
        {
            return notice;
        }

        var credit = notice with
        {
            Addressee = new NoticeAddressee(Blank(_creditName), Blank(_creditAddress), AssistanceText.Get("Notice.Honorific")),
            Statement = business is null
                ? AssistanceText.Get("Notice.Statement.Credit")
                : AssistanceText.Format("Notice.Statement.CreditWithBusiness", business),
            Request = AssistanceText.Get("Notice.Request.Credit"),
            CreditCompanyNotice = null,
        };
        credit = credit with { Lines = MessageLines(credit, purchase: false, creditContractNumber: true) };
        return notice with { CreditCompanyNotice = credit };
    }

    private static List<NoticeLine> MessageLines(CoolingOffNotice n, bool purchase, bool creditContractNumber)
    {
        var lines = new List<NoticeLine>
        {
            new(AssistanceText.Get("Notice.Label.ContractDate"), n.ContractDate is { } date ? AssistanceText.Date(date) : null),
            new(AssistanceText.Get(purchase ? "Notice.Label.ItemSold" : "Notice.Label.Product"), n.ProductName),
            new(AssistanceText.Get(purchase ? "Notice.Label.PurchasePrice" : "Notice.Label.Amount"), n.ContractAmount is { } amount ? AssistanceText.Yen(amount) : null),
            new(AssistanceText.Get(purchase ? "Notice.Label.Buyer" : "Notice.Label.Business"), n.BusinessName),
        };
        if (n.SalesPerson is not null)
        {
            lines.Add(new(AssistanceText.Get("Notice.Label.SalesPerson"), n.SalesPerson));
        }

        if (creditContractNumber)
        {
            lines.Add(new(AssistanceText.Get("Notice.Label.CreditContractNumber"), null));
        }

        lines.Add(new("", n.Statement));
        if (n.Request is not null)
        {
            lines.Add(new("", n.Request));
        }

        lines.Add(new(AssistanceText.Get("Notice.Label.NoticeDate"), n.NoticeDate is { } sent ? AssistanceText.Date(sent) : null));
        lines.Add(new(AssistanceText.Get("Notice.Label.ConsumerAddress"), n.ConsumerAddress));
        lines.Add(new(AssistanceText.Get("Notice.Label.ConsumerName"), n.ConsumerName));
        return lines;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
