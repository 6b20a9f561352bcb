using Yorisoi.Core.Cases;
using Yorisoi.Core.Search;

namespace Yorisoi.Core.Knowledge;

/// <param name="Terms">The narrative's most distinctive words, which the similar cases were found by.</param>
/// <param name="IndexingInProgress">The case index is still being built, so similar cases may be missing.</param>
public sealed record NarrativeSuggestionResult(IReadOnlyList<FaqSearchItem> Faq, IReadOnlyList<SimilarCase> Cases, IReadOnlyList<string> Terms, bool IndexingInProgress);

/// <summary>
/// FAQ候補自動表示: for the narrative a counselor is typing, the knowledge-base entries (public and internal) and the
/// past cases most like it, each within what the user may see. The case form's panel and the API share this.
/// </summary>
public sealed class NarrativeSuggestions(FaqSearchService faq, CaseSearchService cases)
{
    public const int Limit = 5;

    /// <summary>The longest text accepted: a whole narrative of the case record.</summary>
    public const int MaxTextLength = CaseLimits.SummaryLength;

    public async Task<NarrativeSuggestionResult> SuggestAsync(string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new NarrativeSuggestionResult([], [], [], false);
        }

        // The FAQ part and the similar cases run side by side (each is mostly CPU: MeCab and Lucene). Only the cases part
        // uses the request's DbContext (which allows one operation at a time); the FAQ part reads its own index.
        var faqPart = Task.Run(() => faq.SuggestForTextAsync(text, Limit, ct), ct);
        var similar = await cases.SimilarToTextAsync(text, Limit, ct);
        var entries = await faqPart;
        return new NarrativeSuggestionResult(entries, similar.Cases, similar.Terms, similar.IndexingInProgress);
    }
}
