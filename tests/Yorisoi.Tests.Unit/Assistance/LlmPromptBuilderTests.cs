using Yorisoi.Core.Assistance.Summaries;
using Yorisoi.Tests.Unit.Text.Privacy;
using Yorisoi.Text.Privacy;

namespace Yorisoi.Tests.Unit.Assistance;

/// <summary>
/// The request for an LLM summary: the case's own stored values masked by exact match, then the pattern masker, then
/// the prompt. What these tests see in <see cref="LlmPrompt"/> is all that may leave the host.
/// </summary>
public sealed class LlmPromptBuilderTests
{
    private static readonly LlmPromptBuilder Builder = new(MaskerFixture.Masker);

    private static readonly KnownPersonalValue[] Known =
    [
        new(PersonalDataKind.PersonName, "鬼瓦 権左衛門"),
        new(PersonalDataKind.PersonName, "オニガワラ ゴンザエモン"),
        new(PersonalDataKind.PhoneNumber, "090-4321-8765"),
        new(PersonalDataKind.EmailAddress, "Gonzaemon.Onigawara@example.ne.jp"),
        new(PersonalDataKind.PostalCode, "1600023"),
        new(PersonalDataKind.Address, "東京都新宿区西新宿二丁目8番1号 ハイツ西新宿305"),
    ];

    [Theory]
    [InlineData("鬼瓦 権左衛門さんから", "〔氏名〕さんから")]
    [InlineData("鬼瓦権左衛門さんから", "〔氏名〕さんから")]
    [InlineData("鬼瓦さんに折り返した", "〔氏名〕さんに折り返した")]
    [InlineData("権左衛門さん本人", "〔氏名〕さん本人")]
    [InlineData("オニガワラ様", "〔氏名〕様")]
    [InlineData("携帯０９０－４３２１－８７６５に", "携帯〔電話番号〕に")]
    [InlineData("携帯09043218765に", "携帯〔電話番号〕に")]
    [InlineData("携帯(090)4321-8765に", "携帯(〔電話番号〕に")]
    [InlineData("gonzaemon.onigawara@EXAMPLE.ne.jpへ", "〔メール〕へ")]
    [InlineData("〒160-0023", "〒〔郵便番号〕")]
    [InlineData("住所は東京都新宿区西新宿二丁目8番1号 ハイツ西新宿305です", "住所は〔住所〕です")]
    [InlineData("住所は東京都新宿区西新宿二丁目８番１号　ハイツ西新宿３０５です", "住所は〔住所〕です")]
    public void TheCasesOwnValuesAreMaskedInTheWaysACounselorRetypesThem(string text, string expected) =>
        Assert.Equal(expected, KnownValueMasker.Mask(text, Known));

    [Theory]
    [InlineData("注文番号909043218765が届いた")]
    [InlineData("明日また電話する")]
    [InlineData("事業者は株式会社ハイツ不動産")]
    public void OtherNumbersAndWordsAreLeftAlone(string text)
    {
        KnownPersonalValue[] withShortName = [.. Known, new(PersonalDataKind.PersonName, "李 明")];

        Assert.Equal(text, KnownValueMasker.Mask(text, withShortName));
    }

    [Fact]
    public void AOneCharacterPartOfANameIsMaskedOnlyWithinTheWholeName()
    {
        KnownPersonalValue[] values = [new(PersonalDataKind.PersonName, "李 明")];

        Assert.Equal("〔氏名〕さんは明日来る", KnownValueMasker.Mask("李明さんは明日来る", values));
    }

    [Fact]
    public void ThePromptHoldsNoneOfThePersonalValuesButTheMaskTokensAndTheFacts()
    {
        const string narrative = "鬼瓦権左衛門さん（携帯090-4321-8765、メール gonzaemon.onigawara@example.ne.jp）から相談。"
            + "〒160-0023 東京都新宿区西新宿二丁目8番1号 ハイツ西新宿305に住む。訪問販売で浄水器を30万円で契約し、新宿支店 普通預金 1234567に振り込んだ。";
        LlmLogEntry[] log =
        [
            new(DateTimeOffset.Parse("2026-11-02T10:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture), "電話", "相談者", "鬼瓦さんに電話し、クーリング・オフを助言した。妹の携帯080-1111-2222にも連絡した。"),
        ];

        var prompt = Builder.Build(narrative, log, Known);

        foreach (var value in new[] { "鬼瓦", "権左衛門", "4321", "8765", "gonzaemon", "example.ne.jp", "160-0023", "西新宿二丁目", "ハイツ西新宿", "1234567", "080-1111-2222" })
        {
            Assert.DoesNotContain(value, prompt.UserPrompt, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, prompt.SystemPrompt, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var token in new[] { "〔氏名〕", "〔電話番号〕", "〔メール〕", "〔郵便番号〕", "〔住所〕", "〔口座番号〕" })
        {
            Assert.Contains(token, prompt.UserPrompt, StringComparison.Ordinal);
        }

        Assert.Contains("浄水器を30万円で契約", prompt.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("- 2026/11/02 電話（相談者）：〔氏名〕さんに電話し、クーリング・オフを助言した。", prompt.UserPrompt, StringComparison.Ordinal);
        Assert.StartsWith("【相談概要】", prompt.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("推測", prompt.SystemPrompt, StringComparison.Ordinal);
        Assert.True(prompt.MaskedCount >= 8, $"{prompt.MaskedCount} placeholders");
    }

    [Fact]
    public void WithoutStoredValuesThePatternMaskerStillMasks()
    {
        var prompt = Builder.Build("山田太郎さん（03-1234-5678、taro@example.jp）から相談。", [], []);

        Assert.DoesNotContain("山田", prompt.UserPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", prompt.UserPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("taro@", prompt.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("【処理経過】\n（なし）", prompt.UserPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongCaseKeepsTheLatestHandlingWithinTheLimit()
    {
        var narrative = string.Concat(Enumerable.Repeat("訪問販売で布団を契約した。", 1_000));
        var start = DateTimeOffset.Parse("2026-01-01T09:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture);
        var log = Enumerable.Range(1, 400).Select(i => new LlmLogEntry(start.AddDays(i), "電話", "事業者", $"第{i}回の交渉をした。返金の回答を待つ。")).ToList();

        var prompt = Builder.Build(narrative, log, []);

        Assert.True(prompt.UserPrompt.Length <= LlmPromptBuilder.MaxPromptCharacters, $"{prompt.UserPrompt.Length} characters");
        Assert.Contains("第400回の交渉", prompt.UserPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("第1回の交渉", prompt.UserPrompt, StringComparison.Ordinal);
        // Kept entries stay in the order they happened.
        Assert.True(prompt.UserPrompt.IndexOf("第399回", StringComparison.Ordinal) < prompt.UserPrompt.IndexOf("第400回", StringComparison.Ordinal));
    }
}
