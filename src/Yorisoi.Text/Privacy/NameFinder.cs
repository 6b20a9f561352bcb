using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Privacy;

/// <summary>
/// People's names, from MeCab's analysis: words IPADIC knows as surnames and given names (固有名詞,人名), words before
/// さん・様・氏 or a job title, words after 名前は・氏名, and whoever someone 「名乗る」 to be unless that is a business.
/// Offsets are in the caller's text, since the analyser maps them back itself.
/// </summary>
internal sealed class NameFinder(IMorphologicalAnalyzer analyzer, IReadOnlySet<string> notNames)
{
    private const int MaxNameTokens = 4;

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "さん", "さま", "様", "氏", "君", "くん", "ちゃん", "殿", "どの",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "課長", "部長", "社長", "店長", "係長", "主任", "支店長", "所長", "院長", "先生", "医師", "弁護士", "司法書士", "税理士",
        "議員", "専務", "常務", "会長", "副社長", "局長", "室長", "次長", "代表",
    };

    /// <summary>Words for a person's role that take さん or 様 as a name does (大家さん, ヘルパーさん, 相談者様): never names.</summary>
    internal static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "大家", "家主", "店員", "看護師", "医者", "先生", "奥", "旦那", "娘", "息子", "嫁", "婿", "孫", "姉", "兄", "妹", "弟", "母", "父",
        "母親", "父親", "叔母", "叔父", "伯母", "伯父", "祖母", "祖父", "客", "相手", "業者", "大工", "職人", "近所", "隣", "管理人", "住人",
        "隣人", "友人", "知人", "社長", "部長", "課長", "店長", "担当", "担当者", "営業", "警官", "警察官", "刑事", "弁護士", "司法書士",
        "税理士", "医師", "薬剤師", "保健師", "ヘルパー", "ケアマネ", "ケアマネジャー", "ケアマネージャー", "ドライバー", "スタッフ",
        "オペレーター", "セールスマン", "配達員", "販売員", "相談員", "相談者", "契約者", "利用者", "購入者", "申込者", "本人", "皆", "皆様",
        "神", "仏", "王", "姫", "赤", "子", "子供", "子ども", "長男", "次男", "三男", "長女", "次女", "三女", "主人", "家内", "夫", "妻",
        "彼", "彼女", "先方", "女将", "親御", "親", "同僚", "上司", "部下", "後輩", "先輩", "生徒", "学生", "患者", "入居者", "住民", "職員",
        "係員", "作業員", "会長", "院長", "所長", "園長", "校長", "担任", "講師", "監督", "コーチ", "トレーナー", "インストラクター", "ガイド",
        "店主", "オーナー", "マスター", "ママ", "パパ", "お客", "方", "皆さん", "みなさん", "おばあ", "おじい", "ばあ", "じい", "姉妹", "兄弟",
        "夫婦", "家族", "男性", "女性", "男", "女", "人", "者", "方々", "社員", "店", "会社", "窓口", "運転手", "美容師", "理容師", "整体師",
        "占い師", "お坊", "住職", "神主", "牧師", "配偶者", "保護者", "後見人", "代理人", "相続人", "民生委員", "自治会長", "町内会長",
        "主婦", "会社員", "自営業", "無職", "高齢", "高齢者", "年金", "パート", "アルバイト", "公務員", "独居", "外国人", "未成年",
    };

    /// <summary>Words that make a name part of a business or a place (田中商事, 三井住友銀行, 豊田市): kept for analysis.</summary>
    private static readonly HashSet<string> BusinessWords = new(StringComparer.Ordinal)
    {
        "株式会社", "有限会社", "合同会社", "合資会社", "会社", "商事", "商店", "商会", "産業", "工業", "興業", "建設", "工務店", "不動産",
        "電機", "電器", "製作所", "製薬", "証券", "銀行", "信金", "生命", "損保", "保険", "ホールディングス", "グループ", "総業", "物産",
        "通商", "観光", "運輸", "交通", "運送", "急便", "ハウス", "ホーム", "住宅", "リフォーム", "塗装", "設備", "事務所", "法律事務所",
        "クリニック", "医院", "病院", "歯科", "薬局", "学園", "学院", "塾", "屋", "堂", "店", "本舗", "駅", "線", "町", "市", "区", "村", "県",
        "通り", "大学", "高校", "神社", "寺", "城", "公園", "橋", "川", "山", "ホテル", "旅館", "会館", "ビル", "百貨店", "モール", "技研",
        "自動車", "電力", "ガス", "鉄道", "電鉄", "新聞", "放送", "通信", "食品", "化粧品", "協会", "組合", "センター", "財団", "法人",
    };

    /// <summary>
    /// What follows 「…と名乗る」 when the name is a business's or an authority's (業者, メール, 電話): the business is
    /// not a person, and knowing whom scammers impersonate matters to analysis.
    /// </summary>
    private static readonly HashSet<string> ImpersonatedFollowers = new(StringComparer.Ordinal)
    {
        "業者", "会社", "事業者", "店", "団体", "法人", "企業", "社", "販売店", "事務所", "協会", "センター", "メール", "電話", "sms",
        "ショートメール", "ショートメッセージ", "メッセージ", "画面", "サイト", "ショップ", "通知", "はがき", "ハガキ", "葉書", "手紙",
        "封書", "文書", "訪問", "アカウント", "広告", "組織", "機関", "窓口", "アプリ", "ページ",
    };

    /// <summary>Endings of an organisation's name (保険年金課, 消費者センター): 「…を名乗る」 before them is no person.</summary>
    private static readonly string[] OrganisationEndings =
    [
        "課", "係", "部", "局", "署", "省", "庁", "所", "社", "店", "屋", "会", "団", "館", "院", "銀行", "センター", "協会", "機構", "組合",
        "法人", "会社", "役所", "役場", "窓口", "サービス", "サポート", "ショップ", "ストア", "商事", "設備", "庁舎", "事務局", "協議会",
    ];

    /// <summary>The words a form or a counselor writes before a name (名前は山田, 氏名：山田太郎, 名義はヤマダタロウ).</summary>
    private static readonly HashSet<string> IntroWords = new(StringComparer.Ordinal)
    {
        "名前", "氏名", "名義", "名義人", "本名", "フルネーム", "契約者名", "申込者名", "担当者名", "お名前",
    };

    /// <summary>The first part of 相談者, 契約者, 代表者 … that label a person in a record.</summary>
    private static readonly HashSet<string> LabelStems = new(StringComparer.Ordinal)
    {
        "相談", "契約", "申込", "申し込み", "代表", "担当", "依頼", "購入", "当事", "被害", "連絡",
    };

    /// <summary>Nouns a form lists after 氏名 (氏名・住所・電話番号): the next field, not a name.</summary>
    private static readonly HashSet<string> FormWords = new(StringComparer.Ordinal)
    {
        "住所", "電話", "電話番号", "番号", "年齢", "生年月日", "連絡先", "職業", "メール", "メールアドレス", "アドレス", "口座", "性別",
        "不明", "確認", "記載", "記入", "欄", "部分", "全部", "漢字", "カタカナ", "フリガナ", "読み", "偽名", "名前", "氏名", "名", "なし",
    };

    public void Find(string text, List<Finding> found)
    {
        var tokens = analyzer.Analyze(text);
        var masked = new bool[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            // The words known not to be names are skipped only here: before さん or after 名前は even 本田 is a person.
            if (IsPersonName(token) && !notNames.Contains(token.Surface) && !IsPartOfWord(tokens, k) && !IsPartOfBusinessOrPlace(tokens, k, text))
            {
                // One-kanji names (林, 森, 誠) are ordinary words more often than not; alone they need a sign of a person.
                if (token.Surface.Length >= 2 || NextToName(tokens, k) || (k + 1 < tokens.Count && IsHonorificOrTitle(tokens[k + 1])))
                {
                    masked[k] = true;
                }
            }

            if (IsHonorific(token))
            {
                MarkRunBefore(tokens, k, lenient: true, masked);
            }
            else if (Titles.Contains(token.Surface))
            {
                MarkRunBefore(tokens, k, lenient: false, masked);
            }
            else if ((IntroWords.Contains(token.Surface) || (token.Surface == "名" && k > 0 && tokens[k - 1].Surface is "者" or "人"))
                && !IsBusinessOwned(tokens, k))
            {
                MarkRunAfter(tokens, k, lenient: true, masked);
            }
            else if (token.Surface == "者" && k > 0 && LabelStems.Contains(tokens[k - 1].Surface))
            {
                // 相談者：山田, 代表者 西村: after a colon or a space, as a form or a record writes it, a name; after は
                // (相談者は主婦) more often a description, so there only proper nouns.
                var separated = k + 1 < tokens.Count && (tokens[k + 1].Start > token.End || tokens[k + 1].Surface.StartsWith(':'));
                MarkRunAfter(tokens, k, lenient: separated, masked);
            }
            else if (token.BaseForm is "名乗る" or "名のる" or "なのる" or "称する" && k >= 2 && tokens[k - 1].Surface is "と" or "を")
            {
                MarkClaimedName(tokens, k, masked);
            }
        }

        // 木村 さくら: a given name in kana after a surname is no word IPADIC knows as a name.
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            var next = tokens[k + 1];
            if (masked[k] && !masked[k + 1] && !tokens[k].PartOfSpeechDetail.EndsWith('名') && Gap(tokens[k], next) <= 1
                && next.PartOfSpeech == "名詞" && !next.PartOfSpeechDetail.StartsWith("接尾", StringComparison.Ordinal) && next.Surface.Length is >= 2 and <= 4 && JapaneseNormalizer.IsKanaOnly(next.Surface)
                && !RoleWords.Contains(next.Surface) && !FormWords.Contains(next.Surface))
            {
                masked[k + 1] = true;
            }
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            if (!masked[k])
            {
                continue;
            }

            var start = tokens[k].Start;
            var end = tokens[k].End;
            while (k + 1 < tokens.Count && masked[k + 1])
            {
                k++;
                end = tokens[k].End;
            }

            if (end > start)
            {
                found.Add(new Finding(PersonalDataKind.PersonName, start, end));
            }
        }
    }

    private static bool IsPersonName(MorphToken t) =>
        t.PartOfSpeech == "名詞" && t.PartOfSpeechDetail.StartsWith("固有名詞-人名", StringComparison.Ordinal);

    private static bool IsHonorific(MorphToken t) => Honorifics.Contains(t.Surface) && t.PartOfSpeech == "名詞";

    private static bool IsHonorificOrTitle(MorphToken t) => IsHonorific(t) || Titles.Contains(t.Surface);

    /// <summary>A surname or given name right before or after this one (西村隆, 西村 隆).</summary>
    private static bool NextToName(IReadOnlyList<MorphToken> tokens, int k) =>
        (k > 0 && IsPersonName(tokens[k - 1]) && Gap(tokens[k - 1], tokens[k]) <= 1)
        || (k + 1 < tokens.Count && IsPersonName(tokens[k + 1]) && Gap(tokens[k], tokens[k + 1]) <= 1);

    /// <summary>
    /// A word that may be (part of) a name. Leniently (before さん, after 名前は) any ordinary noun that is not a role,
    /// because surnames outside IPADIC come out as 名詞,一般 or as unknown words; strictly (before a title, after
    /// 相談者は) only proper nouns, since 「営業部長」 has a noun before 部長 and 「相談者は、ハイフの…」 an unknown
    /// word after は that are nobody's name.
    /// </summary>
    private static bool IsNameLike(MorphToken t, bool lenient)
    {
        if (t.PartOfSpeech != "名詞" || RoleWords.Contains(t.Surface) || FormWords.Contains(t.Surface) || !t.Surface.Any(char.IsLetter))
        {
            return false;
        }

        if (t.PartOfSpeechDetail.Contains("組織", StringComparison.Ordinal) && !t.IsUnknown)
        {
            return false;
        }

        return t.PartOfSpeechDetail.StartsWith("固有名詞", StringComparison.Ordinal)
            || (lenient && (t.IsUnknown || t.PartOfSpeechDetail == "一般"));
    }

    /// <summary>業者の名前は…, 商品の名前は…: the name of a business or a thing follows, not a person's.</summary>
    private static bool IsBusinessOwned(IReadOnlyList<MorphToken> tokens, int k) =>
        k >= 2 && tokens[k - 1].Surface == "の" && (BusinessWords.Contains(tokens[k - 2].Surface) || ThingWords.Contains(tokens[k - 2].Surface));

    private static readonly HashSet<string> ThingWords = new(StringComparer.Ordinal)
    {
        "業者", "事業者", "販売店", "ショップ", "サイト", "商品", "サービス", "アプリ", "プラン", "コース", "団体", "店舗", "製品", "ゲーム",
    };

    /// <summary>
    /// After 名前は, IPADIC often reads a surname as an organisation (名前は金子と名乗った: 金子 固有名詞,組織); the words
    /// of a business's name (株式会社, 商事) still keep a business out.
    /// </summary>
    private static bool IsOrganisationTagged(MorphToken t) =>
        t.PartOfSpeech == "名詞" && t.PartOfSpeechDetail.StartsWith("固有名詞-組織", StringComparison.Ordinal)
        && !BusinessWords.Contains(t.Surface) && !RoleWords.Contains(t.Surface);

    /// <summary>The tokens [start, end) of a name just before <paramref name="k"/>, or an empty range when there is none.</summary>
    private static (int Start, int End) RunBefore(IReadOnlyList<MorphToken> tokens, int k, bool lenient)
    {
        var start = k;
        for (var j = k - 1; j >= 0 && k - j <= MaxNameTokens; j--)
        {
            var t = tokens[j];
            var touching = tokens[j].End == tokens[start].Start || (start < k && Gap(tokens[j], tokens[start]) == 1);
            if (touching && (IsNameLike(t, lenient) || IsDetachedSuffix(tokens, j)))
            {
                start = j;
            }
            else if (touching && t.Surface == "・" && start < k && j > 0 && IsNameLike(tokens[j - 1], lenient))
            {
                start = j;
            }
            else
            {
                break;
            }
        }

        if (start == k)
        {
            return (k, k);
        }

        // お母さん, ご主人様, お客様: a prefixed word is a role.
        if (start > 0 && tokens[start - 1].PartOfSpeech == "接頭詞" && tokens[start - 1].End == tokens[start].Start)
        {
            return (k, k);
        }

        return (start, k);
    }

    /// <summary>
    /// A suffix standing on its own (「相談者 林さん」: IPADIC reads 林 after a space as the 〜林 of 松林) is a word,
    /// and before さん a name; a suffix attached to a word (業者さん, 利用者さん) is part of that word.
    /// </summary>
    private static bool IsDetachedSuffix(IReadOnlyList<MorphToken> tokens, int j)
    {
        var t = tokens[j];
        return t.PartOfSpeechDetail.StartsWith("接尾", StringComparison.Ordinal) && !RoleWords.Contains(t.Surface)
            && t.Surface.Any(char.IsLetter) && (j == 0 || Gap(tokens[j - 1], t) > 0);
    }

    private static int Gap(MorphToken left, MorphToken right) => right.Start - left.End;

    private static void MarkRunBefore(IReadOnlyList<MorphToken> tokens, int k, bool lenient, bool[] masked)
    {
        var (start, end) = RunBefore(tokens, k, lenient);
        if (start < end && !IsBusinessRun(tokens, start, end))
        {
            Mark(masked, start, end);
        }
    }

    /// <summary>After 名前は / 氏名： — the name written next, skipping the particle, colon or bracket in between.</summary>
    private static void MarkRunAfter(IReadOnlyList<MorphToken> tokens, int k, bool lenient, bool[] masked)
    {
        var j = k + 1;
        for (var skipped = 0; j < tokens.Count && skipped < 3; skipped++, j++)
        {
            var t = tokens[j];
            if (!(t.PartOfSpeech == "記号" || !t.Surface.Any(char.IsLetter) || t.Surface is "は" or "が" or "も" or "を" or "で"))
            {
                break;
            }

            // 名前を聞いた, 名前を名乗らない: を and で do not introduce the name itself.
            if (t.Surface is "を" or "で")
            {
                return;
            }
        }

        var start = j;
        while (j < tokens.Count && j - start < MaxNameTokens)
        {
            var t = tokens[j];
            var touching = j == start || tokens[j - 1].End == t.Start || Gap(tokens[j - 1], t) == 1;
            if (!touching || !(IsNameLike(t, lenient) || IsOrganisationTagged(t) || (t.Surface == "・" && j > start)))
            {
                break;
            }

            j++;
        }

        // 会社|員, 主|婦: a noun with a suffix attached is one word, not a name.
        if (j < tokens.Count && tokens[j].Start == tokens[j - 1].End && tokens[j].PartOfSpeechDetail.StartsWith("接尾", StringComparison.Ordinal)
            && !IsHonorific(tokens[j]))
        {
            return;
        }

        // 名義 カ)リサイクルエース: banks write a company account's 株式会社 as カ) (ユ) for 有限会社, ド) for 合同会社).
        var company = tokens[start].Surface.Length == 1 && start + 1 < tokens.Count && tokens[start + 1].Surface.StartsWith(')');
        if (j > start && !company && !IsBusinessRun(tokens, start, j, organisationTagIsBusiness: false))
        {
            Mark(masked, start, j);
        }
    }

    /// <summary>「ヤマダ」と名乗る男性 / 鈴木と名乗った: the name before と, unless it is a business or an authority.</summary>
    private static void MarkClaimedName(IReadOnlyList<MorphToken> tokens, int k, bool[] masked)
    {
        var particle = k - 1;
        int start, end;
        if (tokens[particle - 1].Surface is "」" or "』")
        {
            end = particle - 1;
            start = end;
            while (start > 0 && end - start < 8 && tokens[start - 1].Surface is not ("「" or "『"))
            {
                start--;
            }

            if (start == 0 || end - start >= 8)
            {
                return;
            }
        }
        else
        {
            (start, end) = RunBefore(tokens, particle, lenient: true);
        }

        if (start >= end || IsBusinessRun(tokens, start, end))
        {
            return;
        }

        var claimed = Surface(tokens, start, end);
        if (RoleWords.Contains(claimed) || OrganisationEndings.Any(e => claimed.EndsWith(e, StringComparison.Ordinal))
            || claimed.Any(char.IsAsciiLetter))
        {
            return;
        }

        for (var j = k + 1; j < tokens.Count && j <= k + 4; j++)
        {
            if (tokens[j].PartOfSpeech == "名詞")
            {
                if (ImpersonatedFollowers.Contains(tokens[j].Surface))
                {
                    return;
                }

                break;
            }
        }

        Mark(masked, start, end);
    }

    private static bool IsBusinessRun(IReadOnlyList<MorphToken> tokens, int start, int end, bool organisationTagIsBusiness = true)
    {
        for (var j = start; j < end; j++)
        {
            if (BusinessWords.Contains(tokens[j].Surface)
                || (organisationTagIsBusiness && tokens[j].PartOfSpeechDetail.StartsWith("固有名詞-組織", StringComparison.Ordinal) && !tokens[j].IsUnknown))
            {
                return true;
            }
        }

        return (start > 0 && IsBusinessMark(tokens[start - 1])) || (end < tokens.Count && IsBusinessMark(tokens[end]));
    }

    private static bool IsBusinessMark(MorphToken t) => BusinessWords.Contains(t.Surface) || t.Surface is "株" or "(株)" or "有" or "(有)";

    /// <summary>田中商事, 株式会社田中, (株)佐藤, 豊田市: the name belongs to a business or a place.</summary>
    private static bool IsPartOfBusinessOrPlace(IReadOnlyList<MorphToken> tokens, int k, string text)
    {
        var end = k;
        while (end + 1 < tokens.Count && IsPersonName(tokens[end + 1]) && tokens[end].End == tokens[end + 1].Start)
        {
            end++;
        }

        if (end + 1 < tokens.Count && tokens[end].End == tokens[end + 1].Start)
        {
            var next = tokens[end + 1];
            if (BusinessWords.Contains(next.Surface) || next.PartOfSpeechDetail is "接尾-地域"
                || (next.PartOfSpeechDetail.StartsWith("固有名詞-組織", StringComparison.Ordinal) && !next.IsUnknown)
                || next.Surface is "(" && end + 2 < tokens.Count && tokens[end + 2].Surface is "株" or "有")
            {
                return true;
            }
        }

        var begin = k;
        while (begin > 0 && IsPersonName(tokens[begin - 1]) && tokens[begin - 1].End == tokens[begin].Start)
        {
            begin--;
        }

        var before = text.AsSpan(0, tokens[begin].Start).TrimEnd();
        var folded = JapaneseNormalizer.NormalizeText(before[Math.Max(0, before.Length - 6)..].ToString(), numerals: false);
        return folded.EndsWith("会社", StringComparison.Ordinal) || folded.EndsWith("(株)", StringComparison.Ordinal)
            || folded.EndsWith("(有)", StringComparison.Ordinal) || folded.EndsWith("(同)", StringComparison.Ordinal);
    }

    /// <summary>
    /// ユニ in ユニクロ, もん in ほうもんはんばい: a kana name glued to a kana word of the same script is a piece of a
    /// longer word MeCab did not know. Particles and honorifics do not count (さくらさん, ゆうきが).
    /// </summary>
    private static bool IsPartOfWord(IReadOnlyList<MorphToken> tokens, int k)
    {
        var t = tokens[k];
        var katakana = JapaneseNormalizer.IsKatakana(t.Surface[0]);
        if (!katakana && !JapaneseNormalizer.IsHiragana(t.Surface[0]))
        {
            return false;
        }

        return (k + 1 < tokens.Count && tokens[k + 1].Start == t.End && IsSameScriptWord(tokens[k + 1], katakana))
            || (k > 0 && tokens[k - 1].End == t.Start && IsSameScriptWord(tokens[k - 1], katakana));
    }

    private static bool IsSameScriptWord(MorphToken t, bool katakana) =>
        t.Surface.Length > 0 && t.Surface[0] != '・' && !IsPersonName(t) && !IsHonorific(t) && t.PartOfSpeech is not ("助詞" or "助動詞")
        && (katakana ? JapaneseNormalizer.IsKatakana(t.Surface[0]) : JapaneseNormalizer.IsHiragana(t.Surface[0]));

    private static string Surface(IReadOnlyList<MorphToken> tokens, int start, int end) =>
        string.Concat(tokens.Skip(start).Take(end - start).Select(t => t.Surface));

    private static void Mark(bool[] masked, int start, int end)
    {
        for (var j = start; j < end; j++)
        {
            masked[j] = true;
        }
    }
}
