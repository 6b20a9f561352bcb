using System.Text.RegularExpressions;

namespace Yorisoi.Text.Privacy;

/// <summary>
/// Street addresses in normalised text: the town, 丁目・番地・号 (or 1-2-3 after a known place) and the building and
/// room that follow. The prefecture and municipality in front are kept, since a city is shared by thousands and is
/// what national analysis counts by; a city name on its own (「横浜市の業者」) is never touched.
/// </summary>
/// <remarks>
/// The search starts from the numbers, not from the place names: every address that can find someone has a number,
/// while place names are too many and too ambiguous to start from (山下 is a surname, 山下町 a town). From the number
/// the town is read leftwards, and the place names tell where the kept part ends.
/// </remarks>
internal sealed partial class AddressFinder
{
    private const int MaxTownLength = 16;

    private static readonly string[] Prefectures =
    [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
        "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
        "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
        "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ];

    private readonly HashSet<string> _prefectures = new(Prefectures, StringComparer.Ordinal);

    // Place names by first character, longest first, so the longest name at a position is the first that fits.
    private readonly Dictionary<char, string[]> _places;

    public AddressFinder(IEnumerable<string> placeNames)
    {
        _places = Prefectures.Concat(placeNames.Select(n => JapaneseNormalizer.NormalizeText(n, numerals: false).Trim()))
            .Where(n => n.Length >= 2)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(n => n[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Length).ToArray());
    }

    public void Find(string text, List<Finding> found)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsNumeral(text[i]) || (i > 0 && IsNumeral(text[i - 1])))
            {
                i++;
                continue;
            }

            var number = ReadNumber(text, i);
            if (number.Groups == 0 || !(number.Strong || number.Groups >= 2))
            {
                i++;
                continue;
            }

            var townStart = TownStart(text, i);
            var keptEnd = EndOfPlaceNames(text, townStart, i);
            var anchored = keptEnd >= 0;
            var weakAllowed = anchored && !number.YearLike && (keptEnd < i || !char.IsWhiteSpace(text[Math.Max(0, i - 1)]));
            if (!number.Strong && !weakAllowed)
            {
                i = number.End;
                continue;
            }

            var start = anchored ? keptEnd : townStart;
            var end = BuildingEnd(text, number.End);
            found.Add(new Finding(PersonalDataKind.Address, start, end));
            i = end;
        }
    }

    private readonly record struct NumberPart(int End, int Groups, bool Strong, bool YearLike);

    /// <summary>
    /// 1丁目2番3号, 一丁目２番地の３, 123番地, 1-2-3, 3-2-1-101号室: numbers joined by 丁目, 番地, 番, 号, dashes and の.
    /// Strong when 丁目, 番地 or 番…号 say it is an address; a bare 1-2-3 is one only after a place name.
    /// </summary>
    private static NumberPart ReadNumber(string text, int start)
    {
        var pos = start;
        var groups = 0;
        var strong = false;
        var firstLength = 0;
        var sawBan = false;
        while (pos < text.Length)
        {
            var n = NumeralLength(text, pos);
            if (n == 0)
            {
                break;
            }

            if (groups == 0)
            {
                firstLength = n;
            }

            groups++;
            pos += n;
            var unit = false;
            if (Starts(text, pos, "丁目"))
            {
                strong = true;
                unit = true;
                pos += 2;
            }
            else if (Starts(text, pos, "番地"))
            {
                strong = true;
                unit = true;
                sawBan = true;
                pos += 2;
            }
            else if (Starts(text, pos, "番") && (NumeralLength(text, pos + 1) > 0 || strong))
            {
                strong = true;
                unit = true;
                sawBan = true;
                pos += 1;
            }
            else if (Starts(text, pos, "号室"))
            {
                strong |= groups >= 2;
                pos += 2;
                break;
            }
            else if (Starts(text, pos, "号"))
            {
                // 国道1号 or 3号機 are no address; 2番3号 and 1-2-3号 are.
                if (!(sawBan || groups >= 2))
                {
                    break;
                }

                strong = true;
                pos += 1;
                break;
            }

            if (pos < text.Length && (IsDash(text[pos]) || text[pos] == 'の') && NumeralLength(text, pos + 1) > 0)
            {
                pos++;
                continue;
            }

            if (!unit)
            {
                break;
            }
        }

        var yearLike = firstLength == 4 && (Starts(text, start, "19") || Starts(text, start, "20"));
        return new NumberPart(pos, groups, strong, yearLike);
    }

    /// <summary>Where the town before a number starts: kanji, katakana and の, read leftwards, at most 16 characters.</summary>
    private static int TownStart(string text, int numberStart)
    {
        var a = numberStart;
        var count = 0;
        while (a > 0 && count < MaxTownLength)
        {
            var c = text[a - 1];
            if (IsTownCharacter(c))
            {
                a--;
                count++;
            }
            else if (c == 'が' && a >= 2 && IsTownCharacter(text[a - 2]) && "丘岡谷浜崎原関島森台瀬沢".Contains(text[a], StringComparison.Ordinal))
            {
                // 自由が丘, 星が丘: が inside a town name, not the particle.
                a--;
                count++;
            }
            else if (c == ' ' && a >= 2 && "都道府県市区町村郡".Contains(text[a - 2], StringComparison.Ordinal))
            {
                // 「東京都 千代田区 丸の内」: a space after a place name still belongs to the address.
                a--;
            }
            else
            {
                break;
            }
        }

        return a;
    }

    /// <summary>
    /// The end of the prefecture, municipality and ward that start the run [<paramref name="from"/>,
    /// <paramref name="to"/>), or -1 when the run holds none. Known names first (one may start a few characters
    /// before the run, as さいたま市 does: the run stops at hiragana); where they give no municipality, the last 市, 区
    /// or 郡 ends it.
    /// </summary>
    private int EndOfPlaceNames(string text, int from, int to)
    {
        var kept = -1;
        var municipality = false;
        for (var j = Math.Max(0, from - 6); j < to && kept < 0; j++)
        {
            var (end, hasMunicipality) = PlaceChain(text, j, to);
            if (end > Math.Max(j, from))
            {
                kept = end;
                municipality = hasMunicipality;
            }
        }

        if (municipality)
        {
            return kept;
        }

        for (var j = to - 1; j >= Math.Max(from, kept); j--)
        {
            if (text[j] is '市' or '区' or '郡')
            {
                return j + 1;
            }
        }

        return kept;
    }

    /// <summary>Prefecture, then a municipality, then a ward after a city or a town after a district.</summary>
    private (int End, bool HasMunicipality) PlaceChain(string text, int start, int limit)
    {
        var pos = start;
        var name = LongestPlace(text, pos, limit);
        if (name is not null && _prefectures.Contains(name))
        {
            pos = SkipSpaces(text, pos + name.Length, limit);
            name = LongestPlace(text, pos, limit);
        }

        var municipality = false;
        if (name is not null && !_prefectures.Contains(name))
        {
            pos = SkipSpaces(text, pos + name.Length, limit);
            municipality = true;
            var next = LongestPlace(text, pos, limit);
            if (next is not null && ((name.EndsWith('市') && next.EndsWith('区')) || (name.EndsWith('郡') && next[^1] is '町' or '村')))
            {
                pos += next.Length;
            }
        }

        return (SkipSpaces(text, pos, limit), municipality);
    }

    private static int SkipSpaces(string text, int pos, int limit)
    {
        while (pos < limit && text[pos] == ' ')
        {
            pos++;
        }

        return pos;
    }

    private string? LongestPlace(string text, int pos, int limit)
    {
        if (pos >= limit || !_places.TryGetValue(text[pos], out var names))
        {
            return null;
        }

        foreach (var name in names)
        {
            if (pos + name.Length <= limit && string.CompareOrdinal(text, pos, name, 0, name.Length) == 0)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The end of a building name and room number after the number (○○マンション101号室, サンハイツ 2階 201).</summary>
    private static int BuildingEnd(string text, int end)
    {
        for (var round = 0; round < 3; round++)
        {
            var m = BuildingOrRoom().Match(text, end);
            if (!m.Success || m.Length == 0)
            {
                break;
            }

            end = m.Index + m.Length;
        }

        return end;
    }

    private static int NumeralLength(string text, int pos)
    {
        var n = 0;
        if (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            while (pos + n < text.Length && char.IsAsciiDigit(text[pos + n]) && n < 6)
            {
                n++;
            }
        }
        else
        {
            while (pos + n < text.Length && IsKanjiNumeral(text[pos + n]) && n < 4)
            {
                n++;
            }
        }

        return n;
    }

    private static bool Starts(string text, int pos, string value) =>
        pos + value.Length <= text.Length && string.CompareOrdinal(text, pos, value, 0, value.Length) == 0;

    private static bool IsNumeral(char c) => char.IsAsciiDigit(c) || IsKanjiNumeral(c);

    private static bool IsKanjiNumeral(char c) => "〇一二三四五六七八九十百千".Contains(c, StringComparison.Ordinal);

    private static bool IsDash(char c) => "-‐‑‒–—―−ー".Contains(c, StringComparison.Ordinal);

    private static bool IsTownCharacter(char c) =>
        JapaneseNormalizer.IsIdeograph(c) || JapaneseNormalizer.IsKatakana(c) || c is 'の' or '々' or 'ヶ' or '〆';

    // A building name (katakana, kanji, Latin) with a room or floor number, or a name ending in a word for a building.
    // The number must not be an age, an amount, a time or the start of a telephone number.
    [GeneratedRegex(@"\G(?:[ ]{0,2}(?:[\p{IsKatakana}\p{IsCJKUnifiedIdeographs}a-z○〇●◯・ー々ヶの&'\-]{1,30}?[ ]{0,2})?[\-‐ー]?\d{1,5}(?:号室|号|室|階|f)?(?![0-9]|[\-‐ー]\d|\s*[歳才代円年月日時分秒頃回件万人名個本枚台%:])|[ ]{0,2}[\p{IsKatakana}\p{IsCJKUnifiedIdeographs}a-z○〇●◯・ー々ヶ&'\-]{0,25}?(?:マンション|ハイツ|コーポ|アパート|レジデンス|メゾン|パレス|ハウス|荘|ビル|タワー|ヒルズ|コート|テラス|プラザ|団地|寮|住宅|ハイム|キャッスル|ガーデン|ヴィラ)(?:[ ]?[a-z0-9]{1,3}(?:棟|号館))?)")]
    private static partial Regex BuildingOrRoom();
}
