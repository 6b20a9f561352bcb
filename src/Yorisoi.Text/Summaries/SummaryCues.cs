using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Summaries;

/// <summary>
/// What makes a sentence of a consultation worth showing, beyond how central its words are: the facts a counselor
/// reads first in every case (the amount, the date, the business and how it sold, what the consumer asks for) and, in
/// the handling log, the steps that changed something. Matched against the normalised text (NFKC, lower case, digits).
/// </summary>
internal static class SummaryCues
{
    /// <summary>What the consumer wants undone or done; with 〜たい / 〜てほしい it is the request itself.</summary>
    private static readonly string[] RequestObjects =
    [
        "返金", "解約", "返品", "取り消", "取消", "キャンセル", "クーリング", "やめ", "止め", "退会", "返して", "戻して",
        "払いたくない", "支払いたくない", "払わない", "請求を止", "返還", "取り戻", "戻って", "戻る", "戻ら", "返って",
    ];

    /// <summary>Ways a request or a worry is put in so many words.</summary>
    private static readonly string[] RequestPhrases =
    [
        "希望", "要望", "どうすれば", "どうしたら", "教えて", "納得でき", "納得いか", "困って", "不安", "相談したい", "何とかして", "なんとかして",
    ];

    /// <summary>The contract: what the consumer bought, ordered, signed up for or paid.</summary>
    private static readonly string[] Contract =
    [
        "契約", "購入", "買", "注文", "申し込", "申込", "依頼", "頼ん", "頼む", "入会", "加入", "登録", "請求", "支払", "払っ", "払い", "振り込", "振込",
        "ローン", "クレジット", "分割", "定期", "工事", "商品", "サービス",
    ];

    /// <summary>Who sold it and how: the business, its shop or site, the channel it reached the consumer by.</summary>
    private static readonly string[] Seller =
    [
        "業者", "事業者", "会社", "店", "サイト", "(株)", "有限会社", "合同会社", "ショップ", "販売", "勧誘", "訪問", "電話", "通販", "広告", "チラシ",
        "sns", "アプリ", "メール", "ネット", "インターネット",
    ];

    /// <summary>A step of the handling log that settled or moved the case.</summary>
    private static readonly string[] Settled =
    [
        "あっせん", "斡旋", "解決", "返金", "合意", "応じ", "了承", "完了", "終了", "返品", "取り消", "解約", "和解", "承諾", "同意", "示談",
        "減額", "免除", "全額", "取下", "取り下",
    ];

    /// <summary>Advice or a referral: the result of most consultations that the center does not negotiate.</summary>
    private static readonly string[] Advised =
    [
        "紹介", "助言", "案内", "情報提供", "伝え", "勧め", "すすめ", "回答", "説明", "警察", "弁護士", "法テラス", "通知",
    ];

    /// <summary>A step that moved nothing: the line was busy, nobody answered.</summary>
    private static readonly string[] NoProgress = ["不在", "留守", "不通", "つながらない", "繋がらない", "折り返し待ち", "応答なし"];

    private static readonly string[] DateWords =
    [
        "昨日", "一昨日", "先日", "先月", "今月", "来月", "先週", "今週", "昨年", "去年", "今年", "本日", "今日", "翌日", "翌月", "後日", "令和", "平成", "今朝",
    ];

    private static readonly string[] AmountUnits = ["円", "ドル"];

    private static readonly string[] DateUnits = ["年", "月", "日", "時", "週間", "か月", "ヶ月", "カ月"];

    private static readonly string[] RequestSections = ["要望", "希望", "主訴", "申出", "申し出"];

    private static readonly string[] HandlingSections = ["経過", "対応", "処理", "結果", "回答", "助言"];

    public static bool IsAmountUnit(string unit) => AmountUnits.Contains(unit, StringComparer.Ordinal);

    public static bool IsDateUnit(string unit) => DateUnits.Contains(unit, StringComparer.Ordinal);

    public static bool IsDateWord(string word) => DateWords.Contains(word, StringComparer.Ordinal);

    /// <summary>〜たい, 〜てほしい, 欲しい: the consumer saying what they want.</summary>
    public static bool IsWish(MorphToken token) =>
        (token.PartOfSpeech == "助動詞" && token.BaseForm == "たい")
        || (token.PartOfSpeech == "形容詞" && token.BaseForm is "ほしい" or "欲しい");

    public static bool HasRequestObject(string normalized) => ContainsAny(normalized, RequestObjects);

    /// <summary>Put in so many words, or asked: a consumer's question (〜できますか、〜でしょうか) is what they came for.</summary>
    public static bool HasRequestPhrase(string normalized) => ContainsAny(normalized, RequestPhrases) || IsQuestion(normalized);

    private static bool IsQuestion(string normalized)
    {
        var end = normalized.AsSpan().TrimEnd().TrimEnd("。」』)\"'");
        return end.EndsWith("か", StringComparison.Ordinal) || end.EndsWith("?", StringComparison.Ordinal) || end.EndsWith("かな", StringComparison.Ordinal) || end.EndsWith("かね", StringComparison.Ordinal);
    }

    public static bool HasContract(string normalized) => ContainsAny(normalized, Contract);

    // 会社員 is the consumer's job, not the business.
    public static bool HasSeller(string normalized) => ContainsAny(normalized.Replace("会社員", string.Empty, StringComparison.Ordinal), Seller);

    public static bool HasSettlement(string normalized) => ContainsAny(normalized, Settled);

    public static bool HasAdvice(string normalized) => ContainsAny(normalized, Advised);

    public static bool HasNoProgress(string normalized) => ContainsAny(normalized, NoProgress);

    public static bool IsRequestSection(string? section) => section is not null && ContainsAny(section, RequestSections);

    public static bool IsHandlingSection(string? section) => section is not null && ContainsAny(section, HandlingSections);

    private static bool ContainsAny(string text, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (text.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
