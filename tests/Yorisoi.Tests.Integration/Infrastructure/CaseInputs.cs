using System.Globalization;
using System.Security.Cryptography;
using Yorisoi.Core.Cases;

namespace Yorisoi.Tests.Integration.Infrastructure;

public static class CaseInputs
{
    /// <summary>A complete, valid case as a counselor would enter it during a call, received an hour ago.</summary>
    public static CaseInput Valid(string? summary = null) => new()
    {
        ReceivedAt = DateTimeOffset.UtcNow.AddHours(-1),
        ChannelCode = "C1",
        Consultant = new PartyInput
        {
            Name = "試験 花子",
            NameKana = "シケン ハナコ",
            Phone = RandomMobile(),
            AgeBandCode = "A7",
            GenderCode = "G2",
            OccupationCode = "O5",
            MunicipalityCode = "13101",
        },
        Summary = summary ?? "インターネットで「初回無料」の健康食品を申し込んだところ、定期購入が条件だった。解約したい。",
        Business = new BusinessInput { Name = "株式会社テスト通販", Phone = "03-1234-5678", Url = "https://example.jp/", CorporateNumber = "7000012050002" },
        ProductCode = "0201",
        SalesFormCode = "S3",
        KeywordCodes = ["K0208"],
        ContractAmount = 9_800,
        AmountPaid = 0,
        PaymentMethodCode = "P03",
        ConsumerRequestCode = "W1",
        HarmCode = "H0",
        ConsentToShareWithCenters = true,
    };

    /// <summary>A mobile number nobody else in the run has.</summary>
    public static string RandomMobile() =>
        string.Create(CultureInfo.InvariantCulture, $"090-{RandomNumberGenerator.GetInt32(1000, 10000)}-{RandomNumberGenerator.GetInt32(1000, 10000)}");

    public static HandlingLogInput Log(string text = "相談者に電話し、解約の申出方法を助言した。", string counterpart = "T1") => new()
    {
        OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        MethodCode = "M1",
        CounterpartCode = counterpart,
        Text = text,
    };
}
