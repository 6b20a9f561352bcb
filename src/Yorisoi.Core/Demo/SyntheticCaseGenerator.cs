using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Text;

namespace Yorisoi.Core.Demo;

public sealed record GeneratorCenter(Guid Id, string Code, string PrefectureCode, IReadOnlyList<string> MunicipalityCodes, double Weight);

/// <summary>
/// Makes realistic synthetic cases for demo data and benchmarks: scenarios weighted like real
/// consumer-center statistics, Japanese narratives from templates, fictitious people and businesses.
/// Deterministic for a given seed.
/// </summary>
public sealed class SyntheticCaseGenerator
{
    private static readonly (string Name, string Kana)[] FamilyNames =
    [
        ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"), ("渡辺", "ワタナベ"),
        ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"),
        ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"), ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"),
        ("斎藤", "サイトウ"), ("清水", "シミズ"), ("山崎", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"),
        ("阿部", "アベ"), ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("中島", "ナカジマ"), ("石井", "イシイ"), ("小川", "オガワ"),
    ];

    // Given names by gender and generation, so a case's name, gender and age band agree with each other.
    private static readonly (string Name, string Kana)[] FemaleNamesOlder =
        [("和子", "カズコ"), ("幸子", "サチコ"), ("恵子", "ケイコ"), ("洋子", "ヨウコ"), ("節子", "セツコ"), ("久美子", "クミコ"), ("陽子", "ヨウコ"), ("真由美", "マユミ"), ("由美", "ユミ"), ("直美", "ナオミ")];

    private static readonly (string Name, string Kana)[] FemaleNamesYounger =
        [("美咲", "ミサキ"), ("さくら", "サクラ"), ("結衣", "ユイ"), ("陽菜", "ヒナ"), ("花子", "ハナコ"), ("愛", "アイ"), ("彩", "アヤ"), ("葵", "アオイ"), ("美穂", "ミホ"), ("舞", "マイ")];

    private static readonly (string Name, string Kana)[] MaleNamesOlder =
        [("浩", "ヒロシ"), ("隆", "タカシ"), ("誠", "マコト"), ("清", "キヨシ"), ("茂", "シゲル"), ("勝", "マサル"), ("健一", "ケンイチ"), ("正雄", "マサオ"), ("博", "ヒロシ"), ("明", "アキラ")];

    private static readonly (string Name, string Kana)[] MaleNamesYounger =
        [("翔太", "ショウタ"), ("大輔", "ダイスケ"), ("拓也", "タクヤ"), ("蓮", "レン"), ("太郎", "タロウ"), ("健太", "ケンタ"), ("大翔", "ヒロト"), ("悠斗", "ユウト"), ("亮", "リョウ"), ("直樹", "ナオキ")];


    private readonly Random _random;
    private readonly CodeListVersion _codes;
    private readonly List<Scenario> _scenarios;
    private readonly double[] _cumulativeWeights;
    private readonly IReadOnlyList<GeneratorCenter> _centers;
    private readonly double[] _centerWeights;
    private readonly string[] _openings;
    private readonly string[] _closings;
    private readonly string[] _details;
    private readonly int[] _detailOrder;
    private readonly Dictionary<string, string> _foldedNames = new(StringComparer.Ordinal);

    public SyntheticCaseGenerator(CodeListVersion codes, IReadOnlyList<GeneratorCenter> centers, int seed)
    {
        _random = new Random(seed);
        _codes = codes;
        _centers = centers;
        var data = LoadScenarios();
        _scenarios = data.Scenarios;
        _openings = data.Fragments.GetValueOrDefault("opening") ?? [];
        _closings = data.Fragments.GetValueOrDefault("closing") ?? [];
        _details = data.Fragments.GetValueOrDefault("detail") ?? [];
        _detailOrder = Enumerable.Range(0, _details.Length).ToArray();
        _cumulativeWeights = Cumulative(_scenarios.Select(s => (double)s.Weight));
        _centerWeights = Cumulative(centers.Select(c => c.Weight));
    }

    public int ScenarioCount => _scenarios.Count;

    /// <summary>A case received at a random time between <paramref name="from"/> and <paramref name="to"/>, at a center picked by weight.</summary>
    public Case Next(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var center = _centers[Pick(_centerWeights)];
        var receivedAt = RandomTime(from, to);
        return Next(center, receivedAt, now);
    }

    public Case Next(GeneratorCenter center, DateTimeOffset receivedAt, DateTimeOffset now)
    {
        var scenario = _scenarios[Pick(_cumulativeWeights)];
        var productCode = scenario.Product[_random.Next(scenario.Product.Count)];
        var productName = _codes.NameOf(CodeListNames.Product, productCode) ?? "商品";
        var amount = RandomAmount(scenario.Amount);
        var paidRatio = scenario.PaidRatio.Count == 2 ? scenario.PaidRatio[0] + (_random.NextDouble() * (scenario.PaidRatio[1] - scenario.PaidRatio[0])) : 0;
        var paid = RoundYen(amount * paidRatio);
        var business = scenario.BusinessNames[_random.Next(scenario.BusinessNames.Count)];
        var ageBand = PickWeighted(scenario.AgeBands) ?? "A9";
        var template = scenario.Narratives[_random.Next(scenario.Narratives.Count)];
        var contractFemale = _random.NextDouble() < 0.52;
        // A narrative that speaks of "{age}の{relation}" was told by a relative: the consultant is that relative,
        // and the word (父, 妻, 娘 …) fits the contract party's gender and age.
        var byFamily = template.Contains("{relation}", StringComparison.Ordinal);
        var (relation, relationshipCode, consultantBand, consultantFemale) = byFamily ? Relative(ageBand, contractFemale) : ("", RelationshipCodes.Self, ageBand, null);

        var jst = FiscalYear.ToJapanTime(receivedAt);
        var contractDate = DateOnly.FromDateTime(jst.Date.AddDays(-_random.Next(1, 60)));
        // 架空請求 and one-click fraud: money is demanded without any contract, so the amount is 請求金額 only.
        var billedOnly = scenario.AmountKind == "billed";
        var summary = Narrative(template, business, productName, amount, paid, contractDate, relation, AgeName(ageBand));

        var entity = new Case
        {
            CenterId = center.Id,
            ReceivedAt = receivedAt,
            CodeListVersion = _codes.Version,
            ChannelCode = PickWeighted(ChannelWeights)!,
            Summary = summary,
            ProductCode = productCode,
            SalesFormCode = scenario.SalesForm[_random.Next(scenario.SalesForm.Count)],
            PaymentMethodCode = scenario.PaymentMethod.Count > 0 ? scenario.PaymentMethod[_random.Next(scenario.PaymentMethod.Count)] : null,
            ContractAmount = billedOnly ? null : amount,
            AmountBilled = billedOnly || _random.NextDouble() < 0.6 ? amount : null,
            AmountPaid = paid,
            ContractDate = billedOnly ? null : contractDate,
            DocumentReceivedDate = !billedOnly && _random.NextDouble() < 0.5 ? contractDate : null,
            ConsumerRequestCode = PickWeighted(RequestWeights),
            HarmCode = PickWeighted(scenario.Harm) ?? "H0",
            ConsentToShareWithCenters = _random.NextDouble() < 0.3,
            ConsentToDiscloseToBusiness = _random.NextDouble() < 0.5,
        };
        entity.Business.Name = business;
        entity.Business.NameFolded = _foldedNames.TryGetValue(business, out var folded) ? folded : _foldedNames[business] = JapaneseNormalizer.Fold(business);
        entity.Business.Phone = _random.NextDouble() < 0.5 ? $"0{_random.Next(3, 10)}-{_random.Next(1000, 9999)}-{_random.Next(1000, 9999)}" : null;
        entity.Business.Url = _random.NextDouble() < 0.4 ? $"https://example-{_random.Next(100, 999)}.jp/" : null;

        var municipality = center.MunicipalityCodes.Count > 0 ? center.MunicipalityCodes[_random.Next(center.MunicipalityCodes.Count)] : null;
        var familyName = FamilyNames[_random.Next(FamilyNames.Length)];
        FillParty(entity.ContractParty, ageBand, municipality, contractFemale, familyName);
        if (byFamily)
        {
            // Relatives mostly share the family name; a married daughter or a grandchild often does not.
            var consultantFamily = relationshipCode == "L2" || _random.NextDouble() < 0.75 ? familyName : FamilyNames[_random.Next(FamilyNames.Length)];
            FillParty(entity.Consultant, consultantBand, municipality, consultantFemale ?? _random.NextDouble() < 0.6, consultantFamily);
        }
        else
        {
            CopyParty(entity.ContractParty, entity.Consultant);
        }

        entity.RelationshipCode = relationshipCode;

        foreach (var keyword in scenario.Keywords.Where(k => _codes.IsValid(CodeListNames.Keyword, k)).Distinct())
        {
            entity.Keywords.Add(new CaseKeyword { CaseId = entity.Id, Code = keyword });
        }

        var age = now - receivedAt;
        entity.Status = age.TotalDays switch
        {
            > 45 => CaseStatus.Completed,
            > 20 => _random.NextDouble() < 0.7 ? CaseStatus.Completed : CaseStatus.AwaitingApproval,
            > 3 => _random.NextDouble() < 0.5 ? CaseStatus.InProgress : CaseStatus.AwaitingApproval,
            _ => _random.NextDouble() < 0.5 ? CaseStatus.Received : CaseStatus.InProgress,
        };
        var result = PickWeighted(scenario.Results) ?? "R1";
        if (entity.Status is CaseStatus.Completed or CaseStatus.AwaitingApproval)
        {
            entity.ResultCode = result;
            if (result is ResultCodes.MediationResolved or ResultCodes.MediationFailed)
            {
                entity.IsMediation = true;
                entity.MediationStartedAt = receivedAt.AddDays(2);
                entity.MediationEndedAt = receivedAt.AddDays(_random.Next(5, 30));
                entity.MediationOutcome = result == ResultCodes.MediationResolved ? MediationOutcome.Resolved : MediationOutcome.Failed;
                entity.AmountRelieved = result == ResultCodes.MediationResolved ? paid : 0;
            }
        }

        entity.CreatedAt = receivedAt;
        entity.UpdatedAt = entity.Status == CaseStatus.Completed ? receivedAt.AddDays(_random.Next(3, 40)) : receivedAt.AddHours(_random.Next(1, 48));
        if (entity.UpdatedAt > now)
        {
            entity.UpdatedAt = now;
        }

        if (entity.Status == CaseStatus.Completed)
        {
            entity.ApprovedAt = entity.UpdatedAt;
        }

        entity.Version = 1;
        AddHandlingLog(entity, business, now);
        return entity;
    }

    private void AddHandlingLog(Case entity, string business, DateTimeOffset now)
    {
        var first = entity.ReceivedAt.AddMinutes(_random.Next(5, 40));
        entity.HandlingLog.Add(new HandlingLogEntry
        {
            CaseId = entity.Id,
            OccurredAt = first,
            MethodCode = "M1",
            CounterpartCode = "T1",
            Text = "相談者から状況を聴取。契約書面・広告画面の保存を依頼し、解約の申出方法と今後の流れを助言した。",
            CreatedAt = first,
        });
        if (entity.Status == CaseStatus.Received || _random.NextDouble() < 0.4)
        {
            return;
        }

        var second = first.AddDays(_random.Next(1, 5));
        if (second > now)
        {
            return;
        }

        entity.HandlingLog.Add(new HandlingLogEntry
        {
            CaseId = entity.Id,
            Kind = entity.IsMediation ? HandlingLogKind.Mediation : HandlingLogKind.Handling,
            OccurredAt = second,
            MethodCode = "M1",
            CounterpartCode = "T2",
            CounterpartName = business + " お客様窓口",
            Text = entity.IsMediation
                ? "事業者に電話。相談者の申出内容を伝え、契約の解除と返金について検討を求めた。事業者は社内で確認のうえ回答するとのこと。"
                : "事業者に契約内容と解約条件を確認。書面の交付状況について説明を求めた。",
            CreatedAt = second,
        });
    }

    /// <summary>
    /// The contract party as the consulting relative calls them, the relationship code (the consultant's
    /// relation to the contract party) and the consultant's likely age band.
    /// </summary>
    private (string Word, string Code, string ConsultantBand, bool? ConsultantFemale) Relative(string ageBand, bool female)
    {
        var band = ageBand is { Length: 2 } && ageBand[0] == 'A' && ageBand[1] is >= '1' and <= '8' ? ageBand[1] - '0' : 5;
        var x = _random.NextDouble();
        var kind = band switch
        {
            >= 7 => x < 0.6 ? "parent" : x < 0.85 ? "spouse" : "grandparent",
            >= 5 => x < 0.3 ? "parent" : "spouse",
            >= 3 => x < 0.6 ? "spouse" : "child",
            2 => x < 0.2 ? "spouse" : "child",
            _ => "child",
        };
        return kind switch
        {
            "parent" => (female ? "母" : "父", "L3", Band(band - 3), null),
            "grandparent" => (female ? "祖母" : "祖父", "L6", Band(band - 5), null),
            "child" => (female ? "娘" : "息子", "L4", Band(band + 3), null),
            _ => (female ? "妻" : "夫", "L2", Band(band), !female),
        };

        static string Band(int b) => "A" + Math.Clamp(b, 2, 8).ToString(CultureInfo.InvariantCulture);
    }

    private void FillParty(Party party, string ageBand, string? municipality, bool female, (string Name, string Kana) family)
    {
        var withContact = _random.NextDouble() < 0.85;
        party.AgeBandCode = ageBand;
        party.GenderCode = female ? "G2" : "G1";
        party.OccupationCode = ageBand is "A7" or "A8" ? "O5" : PickWeighted(OccupationWeights);
        party.MunicipalityCode = municipality;
        if (withContact)
        {
            var older = ageBand is "A5" or "A6" or "A7" or "A8";
            var given = (female, older) switch
            {
                (true, true) => FemaleNamesOlder,
                (true, false) => FemaleNamesYounger,
                (false, true) => MaleNamesOlder,
                _ => MaleNamesYounger,
            };
            var (familyName, familyKana) = family;
            var (givenName, givenKana) = given[_random.Next(given.Length)];
            party.Name = $"{familyName} {givenName}";
            party.NameKana = $"{familyKana} {givenKana}";
            // Older people more often give a landline; younger ones a mobile number.
            var mobile = _random.NextDouble() < (ageBand is "A7" or "A8" ? 0.4 : 0.8);
            party.Phone = mobile
                ? string.Create(CultureInfo.InvariantCulture, $"0{MobilePrefixes[_random.Next(MobilePrefixes.Length)]}0-{_random.Next(1000, 9999)}-{_random.Next(1000, 9999)}")
                : string.Create(CultureInfo.InvariantCulture, $"03-{_random.Next(1000, 9999)}-{_random.Next(1000, 9999)}");
        }
    }

    private static readonly int[] MobilePrefixes = [7, 8, 9];

    private static void CopyParty(Party from, Party to)
    {
        to.Name = from.Name;
        to.NameKana = from.NameKana;
        to.Phone = from.Phone;
        to.AgeBandCode = from.AgeBandCode;
        to.GenderCode = from.GenderCode;
        to.OccupationCode = from.OccupationCode;
        to.MunicipalityCode = from.MunicipalityCode;
    }

    private string Narrative(string template, string business, string product, long amount, long paid, DateOnly contractDate, string relation, string age)
    {
        var builder = new StringBuilder(640);
        string? amountText = null;
        string? paidText = null;
        if (_openings.Length > 0 && _random.NextDouble() < 0.5)
        {
            Fill(_openings[_random.Next(_openings.Length)]);
        }

        Fill(template);
        // Counselors write anything from a short note to a long account: aim for 200–600 characters,
        // shorter ones more often, adding circumstances (each at most once) and then a closing request.
        var target = 200 + (int)(Math.Pow(_random.NextDouble(), 2) * 400);
        var order = _detailOrder;
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        for (var i = 0; i < order.Length && builder.Length < target - 30; i++)
        {
            Fill(_details[order[i]]);
        }

        var closings = 0;
        while ((builder.Length < 200 || closings == 0) && closings < _closings.Length)
        {
            Fill(_closings[_random.Next(_closings.Length)]);
            closings++;
        }

        if (builder.Length > 600)
        {
            // Cut at the last full sentence that fits.
            var end = builder.ToString(0, 600).LastIndexOf('。');
            builder.Length = end > 0 ? end + 1 : 600;
        }

        return builder.ToString();

        // One pass per fragment, appending straight into the narrative: the benchmark makes a million of these.
        void Fill(string text)
        {
            var at = 0;
            while (at < text.Length)
            {
                var open = text.IndexOf('{', at);
                var close = open < 0 ? -1 : text.IndexOf('}', open);
                if (close < 0)
                {
                    builder.Append(text, at, text.Length - at);
                    break;
                }

                builder.Append(text, at, open - at);
                var name = text.AsSpan(open + 1, close - open - 1);
                switch (name)
                {
                    case "business": builder.Append(business); break;
                    case "amount": builder.Append(amountText ??= Yen(amount)); break;
                    case "paid": builder.Append(paidText ??= Yen(paid)); break;
                    case "date": builder.Append(contractDate.Month).Append('月').Append(contractDate.Day).Append('日'); break;
                    case "product": builder.Append(product); break;
                    case "relation": builder.Append(relation); break;
                    case "age": builder.Append(age); break;
                    default: builder.Append(text, open, close - open + 1); break;
                }

                at = close + 1;
            }
        }
    }

    private string AgeName(string ageBand) => _codes.NameOf(CodeListNames.AgeBand, ageBand) ?? "年代不明";

    private static string Yen(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture) + "円";

    private static long RoundYen(double value) => value < 1000 ? (long)Math.Round(value) : (long)Math.Round(value / 100) * 100;

    /// <summary>Log-uniform between min and max: small amounts are far more common than large ones, as in real complaints.</summary>
    private long RandomAmount(AmountRange range)
    {
        var min = Math.Max(range.Min, 1);
        var max = Math.Max(range.Max, min);
        return RoundYen(Math.Exp(Math.Log(min) + (_random.NextDouble() * (Math.Log(max) - Math.Log(min)))));
    }

    private DateTimeOffset RandomTime(DateTimeOffset from, DateTimeOffset to)
    {
        var day = from.AddDays(_random.NextDouble() * (to - from).TotalDays);
        var jst = FiscalYear.ToJapanTime(day);
        // Most centers are closed at weekends; the few weekend cases come from centers with Saturday hours.
        if (jst.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _random.NextDouble() < 0.9)
        {
            jst = jst.AddDays(jst.DayOfWeek == DayOfWeek.Saturday ? -1 : 1);
        }

        // Consultations come in office hours, 9:00–17:00 Japan time.
        var local = new DateTimeOffset(jst.Year, jst.Month, jst.Day, 9, 0, 0, jst.Offset).AddMinutes(_random.Next(0, 8 * 60));
        if (local < from)
        {
            local = from;
        }

        return local > to ? to.AddMinutes(-_random.Next(1, 60)) : local.ToUniversalTime();
    }

    private int Pick(double[] cumulative)
    {
        var x = _random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        return index < 0 ? Math.Min(~index, cumulative.Length - 1) : index;
    }

    private string? PickWeighted(Dictionary<string, double>? weights)
    {
        if (weights is null || weights.Count == 0)
        {
            return null;
        }

        var total = weights.Values.Sum();
        var x = _random.NextDouble() * total;
        foreach (var (key, weight) in weights)
        {
            x -= weight;
            if (x <= 0)
            {
                return key;
            }
        }

        return weights.Keys.Last();
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = new List<double>();
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += Math.Max(w, 0);
            list.Add(sum);
        }

        return list.Count == 0 ? throw new InvalidOperationException("Nothing to pick from.") : list.ToArray();
    }

    private static readonly Dictionary<string, double> ChannelWeights = new() { ["C1"] = 85, ["C2"] = 6, ["C3"] = 2, ["C4"] = 3, ["C5"] = 4 };
    private static readonly Dictionary<string, double> RequestWeights = new() { ["W1"] = 35, ["W2"] = 25, ["W3"] = 25, ["W4"] = 10, ["W5"] = 5 };
    private static readonly Dictionary<string, double> OccupationWeights = new() { ["O1"] = 45, ["O2"] = 8, ["O3"] = 12, ["O4"] = 8, ["O5"] = 20, ["O7"] = 7 };

    private static readonly JsonSerializerOptions ScenarioJson = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private static ScenarioFile LoadScenarios()
    {
        using var stream = typeof(SyntheticCaseGenerator).Assembly.GetManifestResourceStream("Demo/Data/scenarios.json")
            ?? throw new InvalidOperationException("Demo/Data/scenarios.json is not embedded in Yorisoi.Core.");
        var file = JsonSerializer.Deserialize<ScenarioFile>(stream, ScenarioJson)
            ?? throw new InvalidDataException("scenarios.json is empty.");
        if (file.Scenarios.Count == 0)
        {
            throw new InvalidDataException("scenarios.json has no scenarios.");
        }

        return file;
    }

    private sealed class ScenarioFile
    {
        [JsonPropertyName("scenarios")]
        public List<Scenario> Scenarios { get; set; } = [];

        [JsonPropertyName("fragments")]
        public Dictionary<string, string[]> Fragments { get; set; } = [];
    }

    private sealed class Scenario
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = "";

        [JsonPropertyName("weight")]
        public double Weight { get; set; } = 1;

        [JsonPropertyName("product")]
        public List<string> Product { get; set; } = [];

        [JsonPropertyName("salesForm")]
        public List<string> SalesForm { get; set; } = [];

        [JsonPropertyName("keywords")]
        public List<string> Keywords { get; set; } = [];

        [JsonPropertyName("paymentMethod")]
        public List<string> PaymentMethod { get; set; } = [];

        [JsonPropertyName("ageBands")]
        public Dictionary<string, double> AgeBands { get; set; } = [];

        [JsonPropertyName("amount")]
        public AmountRange Amount { get; set; } = new();

        /// <summary>"contract" (the default): a contract or purchase amount; "billed": a demand without a contract (架空請求).</summary>
        [JsonPropertyName("amountKind")]
        public string AmountKind { get; set; } = "contract";

        [JsonPropertyName("harm")]
        public Dictionary<string, double> Harm { get; set; } = [];

        [JsonPropertyName("paidRatio")]
        public List<double> PaidRatio { get; set; } = [];

        [JsonPropertyName("results")]
        public Dictionary<string, double> Results { get; set; } = [];

        [JsonPropertyName("businessNames")]
        public List<string> BusinessNames { get; set; } = [];

        [JsonPropertyName("narratives")]
        public List<string> Narratives { get; set; } = [];
    }

    private sealed class AmountRange
    {
        [JsonPropertyName("min")]
        public double Min { get; set; }

        [JsonPropertyName("max")]
        public double Max { get; set; }
    }
}
