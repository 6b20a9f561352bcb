using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    private readonly Fact[] _openingFacts;
    private readonly Fact[] _closingFacts;
    private readonly Fact[] _detailFacts;
    private readonly Dictionary<string, Fact> _templateFacts = new(StringComparer.Ordinal);
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
        var rules = FactRules(data.Facts);
        _openingFacts = _openings.Select(t => FactsOf(t, rules)).ToArray();
        _closingFacts = _closings.Select(t => FactsOf(t, rules)).ToArray();
        _detailFacts = _details.Select(t => FactsOf(t, rules)).ToArray();
        foreach (var template in _scenarios.SelectMany(x => x.Narratives))
        {
            _templateFacts[template] = FactsOf(template, rules);
        }

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
        var template = scenario.Narratives[_random.Next(scenario.Narratives.Count)];
        var templateFacts = _templateFacts[template];
        var paid = RandomPaid(scenario.PaidRatio, amount, mustHavePaid: templateFacts.HasFlag(Fact.AmountPaid));
        var business = scenario.BusinessNames[_random.Next(scenario.BusinessNames.Count)];
        var ageBand = PickWeighted(scenario.AgeBands) ?? "A9";
        var contractFemale = _random.NextDouble() < 0.52;
        // A narrative that speaks of "{age}の{relation}" was told by a relative: the consultant is that relative,
        // and the word (父, 妻, 娘 …) fits the contract party's gender and age.
        var byFamily = template.Contains("{relation}", StringComparison.Ordinal);
        var (relation, relationshipCode, consultantBand, consultantFemale) = byFamily ? Relative(ageBand, contractFemale) : ("", RelationshipCodes.Self, ageBand, null);

        var jst = FiscalYear.ToJapanTime(receivedAt);
        var receivedDate = DateOnly.FromDateTime(jst.Date);
        var contractDate = receivedDate.AddDays(-_random.Next(1, 60));
        // 架空請求 and one-click fraud: money is demanded without any contract, so the amount is 請求金額 only.
        var billedOnly = scenario.AmountKind == "billed";
        var channel = PickWeighted(ChannelWeights)!;
        var (summary, facts) = Narrative(template, templateFacts | ChannelFact(channel), business, productName, amount, paid, contractDate, relation, AgeName(ageBand));

        var entity = new Case
        {
            CenterId = center.Id,
            ReceivedAt = receivedAt,
            CodeListVersion = _codes.Version,
            ChannelCode = channel,
            Summary = summary,
            ProductCode = productCode,
            SalesFormCode = scenario.SalesForm[_random.Next(scenario.SalesForm.Count)],
            PaymentMethodCode = scenario.PaymentMethod.Count > 0 ? scenario.PaymentMethod[_random.Next(scenario.PaymentMethod.Count)] : null,
            ContractAmount = billedOnly ? null : amount,
            AmountBilled = billedOnly || _random.NextDouble() < 0.6 ? amount : null,
            AmountPaid = paid,
            ContractDate = billedOnly ? null : contractDate,
            // The legal document comes with the contract or a few days after it, and before the consumer calls.
            DocumentReceivedDate = !billedOnly && _random.NextDouble() < 0.5 ? Min(contractDate.AddDays(_random.Next(0, 4)), receivedDate) : null,
            ConsumerRequestCode = PickWeighted(RequestWeights),
            HarmCode = PickWeighted(scenario.Harm) ?? "H0",
            ConsentToShareWithCenters = _random.NextDouble() < 0.3,
            ConsentToDiscloseToBusiness = _random.NextDouble() < 0.5,
        };
        entity.Business.Name = business;
        entity.Business.NameFolded = _foldedNames.TryGetValue(business, out var folded) ? folded : _foldedNames[business] = JapaneseNormalizer.Fold(business);
        // What the narrative says the consumer knows of the business decides whether the record has it.
        var hasPhone = facts.HasFlag(Fact.BusinessPhoneKnown) || (!facts.HasFlag(Fact.BusinessPhoneUnknown) && _random.NextDouble() < 0.5);
        var hasUrl = facts.HasFlag(Fact.BusinessUrlKnown) || _random.NextDouble() < 0.4;
        entity.Business.Phone = hasPhone ? $"0{_random.Next(3, 10)}-{_random.Next(1000, 9999)}-{_random.Next(1000, 9999)}" : null;
        entity.Business.Url = hasUrl ? $"https://example-{_random.Next(100, 999)}.jp/" : null;

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

        entity.CreatedAt = receivedAt;
        entity.Version = 1;
        Handle(entity, PickWeighted(scenario.Results) ?? AdviceResult, business, paid, now);
        return entity;
    }

    private const string AdviceResult = "R1";
    private const string InformationResult = "R2";
    private const string ReferralResult = "R5";

    /// <summary>
    /// The handling that the case's status says has happened, in time order between receipt and now: nothing yet
    /// for 受付; the interview (and perhaps a call to the business or a mediation under way) for 対応中; a result,
    /// with the mediation finished or the referral made, for 決裁待ち; and the approval after all of it for 完了.
    /// </summary>
    private void Handle(Case entity, string result, string business, long paid, DateTimeOffset now)
    {
        entity.UpdatedAt = entity.ReceivedAt;
        if (entity.Status == CaseStatus.Received)
        {
            return;
        }

        var finished = entity.Status is CaseStatus.AwaitingApproval or CaseStatus.Completed;
        var mediation = result is ResultCodes.MediationResolved or ResultCodes.MediationFailed;
        var last = Later(entity.ReceivedAt, now, TimeSpan.FromMinutes(_random.Next(5, 40)));
        AddEntry(entity, last, HandlingLogKind.Handling, "T1", null, FirstEntryText(result));

        if (mediation && (finished || _random.NextDouble() < 0.6))
        {
            last = Later(last, now, TimeSpan.FromDays(_random.Next(1, 4)));
            entity.IsMediation = true;
            entity.MediationStartedAt = last;
            AddEntry(entity, last, HandlingLogKind.Mediation, "T2", business + " お客様窓口",
                "事業者に電話。相談者の申出内容を伝え、契約の解除と返金について検討を求めた。事業者は社内で確認のうえ回答するとのこと。");
            if (finished)
            {
                var resolved = result == ResultCodes.MediationResolved;
                last = Later(last, now, TimeSpan.FromDays(_random.Next(3, 26)));
                AddEntry(entity, last, HandlingLogKind.Mediation, "T2", business + " お客様窓口", resolved
                    ? "事業者から回答。契約を解除し、支払済みの代金を返金するとのこと。相談者に伝え、了承を得た。"
                    : "事業者から回答。解約には応じるが返金はできないとのこと。相談者は納得できないとのことで、あっせんを打ち切った。");
                entity.MediationEndedAt = last;
                entity.MediationOutcome = resolved ? MediationOutcome.Resolved : MediationOutcome.Failed;
                entity.AmountRelieved = resolved ? paid : 0;
            }
        }
        else if (!mediation && _random.NextDouble() < 0.6)
        {
            var referral = result == ReferralResult;
            last = Later(last, now, TimeSpan.FromDays(_random.Next(1, 5)));
            AddEntry(
                entity,
                last,
                HandlingLogKind.Handling,
                referral ? "T3" : "T2",
                referral ? "警察相談専用電話（#9110）" : business + " お客様窓口",
                referral
                    ? "相談者の了承を得て、警察の相談窓口に概要を伝え、相談者から連絡するよう案内した。"
                    : "事業者に契約内容と解約条件を確認。書面の交付状況について説明を求めた。");
        }

        if (finished)
        {
            // Submitted for approval once the result is recorded, after the last of the handling.
            entity.ResultCode = result;
            last = Later(last, now, TimeSpan.FromHours(_random.Next(1, 25)));
        }

        if (entity.Status == CaseStatus.Completed)
        {
            last = Later(last, now, TimeSpan.FromDays(_random.Next(1, 6)));
            entity.ApprovedAt = last;
        }

        entity.UpdatedAt = last;
    }

    private static string FirstEntryText(string result) => result switch
    {
        ReferralResult => "相談者から状況を聴取。内容から警察への相談が必要と判断し、相談先と伝えるべき事項を説明した。",
        InformationResult => "相談者から状況を聴取。同様の手口と注意点について情報提供した。",
        _ => "相談者から状況を聴取。契約書面・広告画面の保存を依頼し、解約の申出方法と今後の流れを助言した。",
    };

    private static void AddEntry(Case entity, DateTimeOffset at, HandlingLogKind kind, string counterpart, string? counterpartName, string text) =>
        entity.HandlingLog.Add(new HandlingLogEntry
        {
            CaseId = entity.Id,
            Kind = kind,
            OccurredAt = at,
            MethodCode = "M1",
            CounterpartCode = counterpart,
            CounterpartName = counterpartName,
            Text = text,
            CreatedAt = at,
        });

    /// <summary>
    /// <paramref name="gap"/> after <paramref name="after"/>, but never past <paramref name="now"/>: when time is
    /// short, half of what is left, so the steps stay in order.
    /// </summary>
    private static DateTimeOffset Later(DateTimeOffset after, DateTimeOffset now, TimeSpan gap)
    {
        var left = now - after;
        var step = gap < left * 0.8 ? gap : left * 0.5;
        return after + (step > TimeSpan.FromSeconds(1) ? step : TimeSpan.FromSeconds(1));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private long RandomPaid(List<double> paidRatio, long amount, bool mustHavePaid)
    {
        if (paidRatio.Count != 2)
        {
            return mustHavePaid ? amount : 0;
        }

        // Where a scenario's share paid starts at zero, many consult before paying anything (a fictitious bill, an
        // unwanted contract just signed); a narrative that says money was paid needs an amount above zero.
        if (!mustHavePaid && paidRatio[0] <= 0 && _random.NextDouble() < 0.5)
        {
            return 0;
        }

        var low = mustHavePaid ? Math.Max(paidRatio[0], 0.1) : paidRatio[0];
        var high = Math.Max(paidRatio[1], low);
        var paid = RoundYen(amount * (low + (_random.NextDouble() * (high - low))));
        return Math.Min(mustHavePaid ? Math.Max(paid, 1) : paid, amount);
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

    /// <summary>
    /// The narrative from the template and fragments that agree with it and with each other (a fragment saying the
    /// business's number is unknown never joins one where the consumer rang it), and what the whole implies.
    /// </summary>
    private (string Text, Fact Facts) Narrative(string template, Fact facts, string business, string product, long amount, long paid, DateOnly contractDate, string relation, string age)
    {
        var builder = new StringBuilder(640);
        string? amountText = null;
        string? paidText = null;
        if (paid == 0)
        {
            // "0円を支払った" is no narrative: with nothing paid, pieces that speak of a payment stay out.
            facts |= Fact.NothingPaid;
        }

        if (_openings.Length > 0 && _random.NextDouble() < 0.5)
        {
            var opening = _random.Next(_openings.Length);
            if (!Contradicts(facts, _openingFacts[opening]))
            {
                facts |= _openingFacts[opening];
                Fill(_openings[opening]);
            }
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
            if (!Contradicts(facts, _detailFacts[order[i]]))
            {
                facts |= _detailFacts[order[i]];
                Fill(_details[order[i]]);
            }
        }

        var closings = 0;
        for (var tries = 0; (builder.Length < 200 || closings == 0) && tries < _closings.Length * 2; tries++)
        {
            var closing = _random.Next(_closings.Length);
            if (!Contradicts(facts, _closingFacts[closing]))
            {
                facts |= _closingFacts[closing];
                Fill(_closings[closing]);
                closings++;
            }
        }

        if (builder.Length > 600)
        {
            // Cut at the last full sentence that fits.
            var end = builder.ToString(0, 600).LastIndexOf('。');
            builder.Length = end > 0 ? end + 1 : 600;
        }

        return (builder.ToString(), facts);

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

    /// <summary>What a narrative piece implies about the record (see "facts" in scenarios.json).</summary>
    [Flags]
    private enum Fact
    {
        None = 0,
        BusinessPhoneKnown = 1 << 0,
        BusinessPhoneUnknown = 1 << 1,
        BusinessUrlKnown = 1 << 2,
        AmountPaid = 1 << 3,
        NothingPaid = 1 << 4,
        ChannelPhone = 1 << 5,
        ChannelWebForm = 1 << 6,
        ChannelVisit = 1 << 7,

        /// <summary>Letters, e-mail, chat and the rest: no opening of ours speaks of them.</summary>
        ChannelOther = 1 << 8,
    }

    private const Fact Channels = Fact.ChannelPhone | Fact.ChannelWebForm | Fact.ChannelVisit | Fact.ChannelOther;

    private static readonly Dictionary<string, Fact> FactNames = new(StringComparer.Ordinal)
    {
        ["businessPhoneKnown"] = Fact.BusinessPhoneKnown,
        ["businessPhoneUnknown"] = Fact.BusinessPhoneUnknown,
        ["businessUrlKnown"] = Fact.BusinessUrlKnown,
        ["amountPaid"] = Fact.AmountPaid,
        ["channelPhone"] = Fact.ChannelPhone,
        ["channelWebForm"] = Fact.ChannelWebForm,
        ["channelVisit"] = Fact.ChannelVisit,
    };

    private static bool Contradicts(Fact known, Fact piece)
    {
        var both = known | piece;
        return both.HasFlag(Fact.BusinessPhoneKnown | Fact.BusinessPhoneUnknown)
            || both.HasFlag(Fact.AmountPaid | Fact.NothingPaid)
            || System.Numerics.BitOperations.PopCount((uint)(both & Channels)) > 1;
    }

    /// <summary>The channel the consultation came in by, as a fact the opening sentence must agree with.</summary>
    private static Fact ChannelFact(string channel) => channel switch
    {
        "C1" => Fact.ChannelPhone,
        "C2" => Fact.ChannelVisit,
        "C5" => Fact.ChannelWebForm,
        _ => Fact.ChannelOther,
    };

    private static List<(Regex Pattern, Fact Fact)> FactRules(Dictionary<string, string[]> facts) =>
        facts.SelectMany(kv => kv.Value.Select(pattern => (
                new Regex(pattern, RegexOptions.CultureInvariant),
                FactNames.TryGetValue(kv.Key, out var fact) ? fact : throw new InvalidDataException($"scenarios.json: unknown fact '{kv.Key}'."))))
            .ToList();

    private static Fact FactsOf(string text, List<(Regex Pattern, Fact Fact)> rules) =>
        rules.Where(r => r.Pattern.IsMatch(text)).Aggregate(Fact.None, (all, r) => all | r.Fact);

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

        [JsonPropertyName("facts")]
        public Dictionary<string, string[]> Facts { get; set; } = [];
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
