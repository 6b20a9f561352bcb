namespace Yorisoi.Text.Search;

/// <summary>Weights and limits of search, kept configurable so they can be tuned on the evaluation set.</summary>
public sealed class SearchOptions
{
    /// <summary>Weight of the bigram field: matches any substring, so it finds most and ranks least.</summary>
    public float RecallBoost { get; set; } = 1.0f;

    /// <summary>Weight of the MeCab base-form field: a match there is a whole word.</summary>
    public float PrecisionBoost { get; set; } = 2.0f;

    /// <summary>Weight of the reading field, used for queries written in kana.</summary>
    public float ReadingBoost { get; set; } = 1.5f;

    /// <summary>Weight of a synonym's match relative to the word the user typed.</summary>
    public float SynonymBoost { get; set; } = 0.7f;

    /// <summary>Share of the non-best fields' scores added to the best one (dis-max tie breaker).</summary>
    public float TieBreaker { get; set; } = 0.3f;

    /// <summary>Slop for quoted phrases on the base-form field, where particles leave gaps.</summary>
    public int PhraseSlop { get; set; }

    /// <summary>Longer queries are cut here (a pasted narrative of 10,000 characters becomes a bounded query).</summary>
    public int MaxQueryLength { get; set; } = 1000;

    /// <summary>At most this many words and filters are used; the rest are reported as ignored.</summary>
    public int MaxClauses { get; set; } = 32;

    /// <summary>A single word longer than this is cut (a paste without spaces would otherwise make one huge phrase).</summary>
    public int MaxTermLength { get; set; } = 64;

    /// <summary>
    /// Weight of one content word of a longer word in natural queries (<see cref="JapaneseQueryParser.ParseNatural"/>),
    /// against the whole word matched as typed.
    /// </summary>
    public float PartBoost { get; set; } = 1.0f;

    /// <summary>At most this many distinct content words of one word are searched in natural queries.</summary>
    public int MaxNaturalWords { get; set; } = 48;

    /// <summary>Parentheses nested deeper than this are read as plain grouping of the words inside.</summary>
    public int MaxDepth { get; set; } = 8;
}
