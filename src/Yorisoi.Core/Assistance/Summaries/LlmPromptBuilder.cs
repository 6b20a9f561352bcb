using System.Globalization;
using System.Text;
using Yorisoi.Core.Cases;
using Yorisoi.Text.Privacy;

namespace Yorisoi.Core.Assistance.Summaries;

/// <summary>One handling-log entry as the prompt shows it: when, how, with whom, and what was done.</summary>
public sealed record LlmLogEntry(DateTimeOffset OccurredAt, string? MethodName, string? CounterpartName, string Text);

/// <summary>
/// What goes to the LLM endpoint, already masked: nothing else of the case leaves the host. <see cref="MaskedCount"/>
/// counts the placeholders put in, for the audit record; the original values are nowhere in this object.
/// </summary>
public sealed record LlmPrompt(string SystemPrompt, string UserPrompt, int MaskedCount);

/// <summary>
/// Builds the request for an LLM summary from a case's narrative and handling log: first the case's own stored personal
/// values are replaced by exact match, then <see cref="PersonalDataMasker"/> replaces whatever else looks personal
/// (names, telephone numbers, e-mail addresses, addresses, postal codes, accounts, cards, My Numbers, birth dates).
/// </summary>
public sealed class LlmPromptBuilder(PersonalDataMasker masker)
{
    /// <summary>
    /// Asks for facts only: a hand-over summary that guesses would be read as the record. The placeholders are
    /// explained so that the model neither fills them in nor drops the fact that someone was named.
    /// </summary>
    public const string SystemPrompt =
        "あなたは消費生活センターの相談員を補助する要約係です。"
        + "渡される「相談概要」と「処理経過」だけを根拠に、担当を引き継ぐ相談員のための短い要約を日本語で書いてください。\n"
        + "- 書かれている事実だけを書き、推測・補足・評価・法的な判断や助言は加えないでください。\n"
        + "- 分からないことは書かないでください。\n"
        + "- 〔氏名〕〔電話番号〕〔メール〕〔住所〕〔口座番号〕などの〔〕は個人情報を伏せた印です。元の値を推測せず、そのまま使ってください。\n"
        + "- 何があったか、金額と日付、相談者の希望、これまでの対応、次に必要なことの順に、5行以内・300字以内でまとめてください。";

    /// <summary>The narrative is cut beyond this, so that a long one leaves room for the latest handling.</summary>
    public const int MaxNarrativeCharacters = 6_000;

    /// <summary>The whole request text stays under this (local models have small context windows).</summary>
    public const int MaxPromptCharacters = 12_000;

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public LlmPrompt Build(string? narrative, IReadOnlyList<LlmLogEntry> handlingLog, IReadOnlyCollection<KnownPersonalValue> knownValues)
    {
        ArgumentNullException.ThrowIfNull(handlingLog);
        ArgumentNullException.ThrowIfNull(knownValues);
        string Clean(string? text) => masker.Mask(KnownValueMasker.Mask(text, knownValues)).Text;

        var prompt = new StringBuilder();
        prompt.Append("【相談概要】\n");
        var story = Clean(narrative).Trim();
        prompt.Append(story.Length > MaxNarrativeCharacters ? story[..MaxNarrativeCharacters] + "…" : story.Length == 0 ? "（なし）" : story);
        prompt.Append("\n\n【処理経過】\n");

        // The latest entries matter most for a hand-over: take them newest first while they fit, then write them in order.
        var lines = new List<string>();
        var room = MaxPromptCharacters - prompt.Length;
        foreach (var entry in handlingLog.OrderByDescending(e => e.OccurredAt))
        {
            var line = $"- {FiscalYear.ToJapanTime(entry.OccurredAt).ToString("yyyy/MM/dd", Japanese)} {entry.MethodName ?? ""}{(string.IsNullOrEmpty(entry.CounterpartName) ? "" : "（" + entry.CounterpartName + "）")}：{Clean(entry.Text).ReplaceLineEndings(" ").Trim()}\n";
            if (line.Length > room)
            {
                break;
            }

            lines.Add(line);
            room -= line.Length;
        }

        if (lines.Count == 0)
        {
            prompt.Append("（なし）\n");
        }

        for (var i = lines.Count - 1; i >= 0; i--)
        {
            prompt.Append(lines[i]);
        }

        var user = prompt.ToString().TrimEnd();
        return new LlmPrompt(SystemPrompt, user, Placeholders(user));
    }

    private static int Placeholders(string text)
    {
        var count = 0;
        foreach (var kind in Enum.GetValues<PersonalDataKind>())
        {
            var placeholder = PersonalDataPlaceholders.For(kind);
            for (var at = text.IndexOf(placeholder, StringComparison.Ordinal); at >= 0; at = text.IndexOf(placeholder, at + placeholder.Length, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
