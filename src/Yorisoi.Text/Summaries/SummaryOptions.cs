namespace Yorisoi.Text.Summaries;

/// <summary>How long a summary may be. The presets match the three places a case is shown in brief.</summary>
public sealed record SummaryOptions
{
    /// <summary>The case header: the who, what, how much and what the consumer wants.</summary>
    public static SummaryOptions Header { get; } = new() { MaxCharacters = 200, HandlingLogShare = 0.25 };

    /// <summary>One line of the approval queue.</summary>
    public static SummaryOptions OneLine { get; } = new() { MaxCharacters = 80, HandlingLogShare = 0 };

    /// <summary>Hand-over between counselors: room for the handling log's latest steps as well.</summary>
    public static SummaryOptions HandOver { get; } = new() { MaxCharacters = 400, HandlingLogShare = 0.5 };

    /// <summary>The summary's text, separators and any … included, is never longer than this.</summary>
    public int MaxCharacters { get; init; } = 200;

    /// <summary>
    /// The share of the budget the handling log may take beyond its one most telling step, so that a long log does not
    /// crowd out what the case is about.
    /// </summary>
    public double HandlingLogShare { get; init; } = 0.25;

    /// <summary>How many key terms to return with the summary.</summary>
    public int MaxKeyTerms { get; init; } = 8;
}
