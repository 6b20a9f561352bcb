using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using Yorisoi.Text.Privacy;

namespace Yorisoi.Tests.Unit.Text.Privacy;

/// <summary>
/// Generalisation beyond the hand-written set: random names, telephone numbers in every format and addresses built on
/// the real list of local governments, put into sentence templates, must all be masked. Fixed seed, so a failure
/// names the sample that failed and reruns the same way.
/// </summary>
public sealed class GeneratedPersonalDataTests(ITestOutputHelper output)
{
    private const int Samples = 400;

    private static readonly string[] Surnames =
    [
        "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上",
        "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田",
        "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "斉藤", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原",
    ];

    private static readonly string[] GivenNames =
    [
        "太郎", "一郎", "健太", "翔太", "大輔", "誠", "隆", "浩", "修", "博", "花子", "美咲", "陽子", "恵子", "由美子", "京子", "直樹",
        "和也", "拓也", "裕子", "智子", "明美", "久美子", "真由美", "健一", "達也", "正樹", "美香", "さくら", "愛",
    ];

    private static readonly string[] Towns = ["本町", "栄町", "緑町", "中央", "旭町", "桜台", "東町", "大手町", "若葉", "松が丘", "港町", "新町"];

    private static readonly string[] NameTemplates =
    [
        "相談者は{0}さん（70代）。", "{0}様から電話があった。", "相談者：{0}（会社員）", "担当の{0}さんに折り返し。",
        "氏名 {0}、訪問販売の件。", "名前は{0}と名乗った。", "相談者{0}様より、定期購入の解約について。",
    ];

    private static readonly string[] PhoneTemplates =
    [
        "連絡先は{0}です。", "電話（{0}）から着信。", "携帯 {0} に折り返し希望。", "事業者の番号{0}に架電した。", "{0}から何度も電話が来る。",
    ];

    private static readonly string[] AddressTemplates =
    [
        "相談者の住所は{0}。", "{0}に住む母が契約した。", "自宅（{0}）に業者が来た。", "住所：{0} 電話なし",
    ];

    [Fact]
    public void GeneratedNamesPhoneNumbersAndAddressesAreAllMasked()
    {
        var random = new Random(20261201);
        var municipalities = MaskerFixture.LocalGovernments.Where(g => g.Kind != "prefecture").ToList();
        var prefectures = MaskerFixture.LocalGovernments.Where(g => g.Kind == "prefecture").ToDictionary(g => g.PrefectureCode, g => g.Name);
        var misses = new List<string>();
        var count = 0;
        for (var i = 0; i < Samples; i++)
        {
            var surname = Pick(random, Surnames);
            var name = random.Next(3) switch
            {
                0 => surname,
                1 => surname + Pick(random, GivenNames),
                _ => surname + " " + Pick(random, GivenNames),
            };
            Check(Pick(random, NameTemplates), name);

            Check(Pick(random, PhoneTemplates), Phone(random));

            var place = municipalities[random.Next(municipalities.Count)];
            var prefix = random.Next(2) == 0 ? prefectures[place.PrefectureCode] : "";
            var detail = Pick(random, Towns) + HouseNumber(random);
            Check(Pick(random, AddressTemplates), detail, prefix + place.Name);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} generated values, {misses.Count} not masked"));
        foreach (var miss in misses.Take(40))
        {
            output.WriteLine(miss);
        }

        Assert.Empty(misses);

        void Check(string template, string value, string before = "")
        {
            count++;
            var text = string.Format(CultureInfo.InvariantCulture, template, before + value);
            var result = MaskerFixture.Masker.Mask(text);
            var at = text.IndexOf(value, StringComparison.Ordinal);
            if (!result.Spans.Any(s => s.Start <= at && at + value.Length <= s.Start + s.Length))
            {
                misses.Add($"「{value}」 in {text} → {result.Text}");
            }
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>A fixed-line, free-dial, IP or mobile number, with hyphens, parentheses, spaces or none, in either width.</summary>
    private static string Phone(Random random)
    {
        var (area, local, subscriber) = random.Next(6) switch
        {
            0 => ("03", Digits(random, 4), Digits(random, 4)),
            1 => ("0" + Digits(random, 3, nonZero: true), Digits(random, 2), Digits(random, 4)),
            2 => ("0120", Digits(random, 3), Digits(random, 3)),
            3 => ("050", Digits(random, 4), Digits(random, 4)),
            4 => ("0570", Digits(random, 3), Digits(random, 3)),
            _ => (Pick(random, ["090", "080", "070"]), Digits(random, 4), Digits(random, 4)),
        };
        var formatted = random.Next(6) switch
        {
            0 => $"{area}-{local}-{subscriber}",
            1 => $"{area}{local}{subscriber}",
            2 => $"({area}){local}-{subscriber}",
            3 => $"{area} {local} {subscriber}",
            4 => $"+81-{area[1..]}-{local}-{subscriber}",
            _ => $"{area}ー{local}ー{subscriber}",
        };
        return random.Next(2) == 0 ? formatted : FullWidth(formatted);
    }

    /// <summary>丁目・番地・号 in digits, full-width digits, kanji or hyphens, sometimes with a building and room.</summary>
    private static string HouseNumber(Random random)
    {
        var (a, b, c) = (random.Next(1, 10), random.Next(1, 40), random.Next(1, 30));
        var number = random.Next(5) switch
        {
            0 => $"{a}丁目{b}番{c}号",
            1 => $"{a}-{b}-{c}",
            2 => FullWidth($"{a}丁目{b}番地{c}"),
            3 => $"{Kanji(a)}丁目{b}番{c}号",
            _ => $"{b}{c}番地",
        };
        return random.Next(3) == 0 ? number + Pick(random, [" サンハイツ", " コーポ緑", "グランドメゾン"]) + random.Next(101, 999) + "号室" : number;
    }

    private static string Digits(Random random, int length, bool nonZero = false)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append((char)('0' + (i == 0 && nonZero ? random.Next(1, 10) : random.Next(10))));
        }

        return builder.ToString();
    }

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c switch
        {
            >= '0' and <= '9' => (char)(c - '0' + '０'),
            '-' => '－',
            '(' => '（',
            ')' => '）',
            '+' => '＋',
            _ => c,
        }));

    private static string Kanji(int n) => "〇一二三四五六七八九"[n].ToString();
}
