using Lucene.Net.Search;

namespace Yorisoi.Text.Search;

public enum QueryStatus
{
    /// <summary>The query has something to search for.</summary>
    Ok,

    /// <summary>Nothing was typed (or only white space).</summary>
    Empty,

    /// <summary>Something was typed, but only punctuation, operators or words too common to search for.</summary>
    NoSearchableTerms,
}

/// <summary>Things the parser changed or ignored, for a message next to the results.</summary>
[Flags]
public enum QueryNotices
{
    None = 0,
    Truncated = 1,
    TooManyTerms = 2,
    TermTooLong = 4,
    IgnoredWords = 8,
    UnknownField = 16,
    InvalidFilterValue = 32,
    UnbalancedQuotes = 64,
    UnbalancedParentheses = 128,
    OnlyExclusions = 256,
}

/// <summary>The result of parsing user input: a Lucene query or a status saying why there is none.</summary>
public sealed class ParsedQuery
{
    internal ParsedQuery(QueryStatus status, Query? query, QueryNotices notices, HighlightTerms highlights)
    {
        Status = status;
        Query = query;
        Notices = notices;
        Highlights = highlights;
    }

    public QueryStatus Status { get; }

    /// <summary>The Lucene query; null unless <see cref="Status"/> is <see cref="QueryStatus.Ok"/>.</summary>
    public Query? Query { get; }

    public QueryNotices Notices { get; }

    public HighlightTerms Highlights { get; }

    public bool IsOk => Status == QueryStatus.Ok;

    public override string ToString() => Query?.ToString() ?? Status.ToString();
}

/// <summary>
/// What to mark in snippets, per index field: whole terms, term sequences (bigram phrases), prefixes, and single
/// characters (a one-character query, marked wherever the character stands inside a bigram).
/// </summary>
public sealed class HighlightTerms
{
    internal Dictionary<string, HashSet<string>> Terms { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, List<string[]>> Sequences { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, HashSet<string>> Prefixes { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, HashSet<string>> Characters { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Terms.Count == 0 && Sequences.Count == 0 && Prefixes.Count == 0 && Characters.Count == 0;

    internal void AddCharacter(string field, string character) =>
        (Characters.TryGetValue(field, out var set) ? set : Characters[field] = new HashSet<string>(StringComparer.Ordinal)).Add(character);

    internal void AddTerm(string field, string term) =>
        (Terms.TryGetValue(field, out var set) ? set : Terms[field] = new HashSet<string>(StringComparer.Ordinal)).Add(term);

    internal void AddSequence(string field, string[] terms)
    {
        if (terms.Length == 1)
        {
            AddTerm(field, terms[0]);
            return;
        }

        (Sequences.TryGetValue(field, out var list) ? list : Sequences[field] = []).Add(terms);
    }

    internal void AddPrefix(string field, string prefix) =>
        (Prefixes.TryGetValue(field, out var set) ? set : Prefixes[field] = new HashSet<string>(StringComparer.Ordinal)).Add(prefix);

    internal void AddAll(HighlightTerms other)
    {
        foreach (var (field, terms) in other.Terms)
        {
            foreach (var term in terms)
            {
                AddTerm(field, term);
            }
        }

        foreach (var (field, sequences) in other.Sequences)
        {
            foreach (var sequence in sequences)
            {
                AddSequence(field, sequence);
            }
        }

        foreach (var (field, prefixes) in other.Prefixes)
        {
            foreach (var prefix in prefixes)
            {
                AddPrefix(field, prefix);
            }
        }

        foreach (var (field, characters) in other.Characters)
        {
            foreach (var character in characters)
            {
                AddCharacter(field, character);
            }
        }
    }
}
