using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Summaries;

/// <summary>
/// Picks the sentences of a case's narrative and handling log that say most, within a character budget, without any
/// model: TextRank (PageRank over the cosine similarity of the sentences' tf-isf vectors of MeCab content words) for
/// how central a sentence is, weighted by what counselors read first (the opening sentence, amounts and dates, the
/// business and the contract, the consumer's request; in the log the latest steps and those with a result), then
/// chosen greedily with maximal marginal relevance so that two sentences saying the same thing are not both kept.
/// Only sentences of the input are returned, as written; the one change is a … where a sentence is cut to fit.
/// Thread-safe: no state beyond the analyser, which is itself thread-safe.
/// </summary>
public sealed class ExtractiveSummarizer(IMorphologicalAnalyzer analyzer)
{
    /// <summary>From this cosine on, a sentence repeats one already chosen and is left out.</summary>
    private const double NearDuplicate = 0.6;

    /// <summary>Weight of a sentence's own score against its overlap with those already chosen (maximal marginal relevance).</summary>
    private const double Relevance = 0.75;

    /// <summary>
    /// A later sentence too long for the room left may still be cut to fit, once per summary, when that leaves at least
    /// this many characters: the start of a long unpunctuated sentence says more than the empty room.
    /// </summary>
    private const int MinLateCut = 40;

    /// <summary>A later sentence is cut only if most of it stays: its facts are often at its end.</summary>
    private const double LateCutShare = 0.6;

    /// <summary>A sentence worth less than this share of the best is not chosen even when there is room.</summary>
    private const double MinShare = 0.2;

    /// <summary>A sentence cut to fit keeps at least this many characters; less tells the reader nothing.</summary>
    private const int MinCut = 16;

    public CaseSummary Summarize(string? narrative, IReadOnlyList<string>? handlingLog, SummaryOptions? options = null)
    {
        options ??= SummaryOptions.Header;
        var budget = options.MaxCharacters;
        if (budget <= 1)
        {
            return CaseSummary.Empty;
        }

        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new List<SentenceCandidate>();
        AddSource(narrative, null, candidates, terms);
        if (handlingLog is not null)
        {
            for (var entry = 0; entry < handlingLog.Count; entry++)
            {
                AddSource(handlingLog[entry], entry, candidates, terms);
            }
        }

        if (candidates.Count == 0)
        {
            return CaseSummary.Empty;
        }

        var isf = SentenceGraph.Weigh(candidates, terms.Count);
        var centrality = SentenceGraph.TextRank(candidates);
        var logEntries = handlingLog?.Count ?? 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            // Centrality is bounded so that a long sentence sharing many words cannot outweigh a short one with the request.
            c.Prior = (1 + Prior(c, logEntries)) * Information(c);
            c.Score = (0.7 + (0.3 * Math.Min(centrality[i], 2.5))) * c.Prior;
        }

        var chosen = Choose(candidates, budget, (int)(budget * Math.Clamp(options.HandlingLogShare, 0, 1)));
        chosen.Sort((a, b) => a.SentenceCandidate.Order.CompareTo(b.SentenceCandidate.Order));
        return new CaseSummary([.. chosen.Select(c => c.Sentence)], KeyTerms(chosen, terms, isf, options.MaxKeyTerms));
    }

    private void AddSource(string? text, int? logEntry, List<SentenceCandidate> candidates, Dictionary<string, int> terms)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var sentences = SentenceSplitter.Split(text).Where(s => s.Kind != SentenceKind.Heading).ToList();
        if (sentences.Count == 0)
        {
            return;
        }

        var tokens = analyzer.Analyze(text);
        var next = 0;
        for (var index = 0; index < sentences.Count; index++)
        {
            var sentence = sentences[index];
            while (next < tokens.Count && tokens[next].Start < sentence.Start)
            {
                next++;
            }

            var first = next;
            while (next < tokens.Count && tokens[next].Start < sentence.End)
            {
                next++;
            }

            var candidate = new SentenceCandidate(text, logEntry, sentence, candidates.Count, index, sentences.Count, [.. tokens.Skip(first).Take(next - first)]);
            candidate.Describe(terms);
            candidates.Add(candidate);
        }
    }

    /// <summary>How much more than its centrality a sentence is worth to a counselor reading the case in brief.</summary>
    private static double Prior(SentenceCandidate c, int logEntries)
    {
        var prior = 0.0;
        if (c.HasAmount)
        {
            prior += 0.7;
        }

        if (c.HasDate)
        {
            prior += 0.15;
        }

        // Every log step names the business it called; only in the narrative does it tell who sold what and how.
        if (c.LogEntry is null)
        {
            prior += (c.HasContract ? 0.25 : 0) + (c.HasSeller ? 0.2 : 0);
        }

        if (c.LogEntry is { } entry)
        {
            // The latest steps tell the next counselor where the case stands.
            prior += 0.5 * (entry + 1) / logEntries;
            prior += Outcome(c);
            if (c.HasNoProgress)
            {
                prior -= 0.4;
            }
        }
        else
        {
            // The consumer's request; in the log the same words (返金, 解約) are the counselor's steps, weighed as outcomes.
            var wish = c.HasWish || c.HasRequestPhrase;
            if ((wish && c.HasRequestObject) || (wish && c.InRequestSection))
            {
                prior += 0.9;
            }
            else if (wish || c.HasRequestObject)
            {
                prior += 0.45;
            }

            if (c.IndexInSource == 0)
            {
                prior += 0.4;
            }

            // Earlier sentences set out the case; later ones add detail.
            prior += 0.2 * (1 - ((double)c.IndexInSource / c.SourceSentences));
            if (c.InHandlingSection)
            {
                prior += Outcome(c);
            }
        }

        return Math.Max(prior, -0.5);
    }

    private static double Outcome(SentenceCandidate c) => c.HasSettlement ? 0.8 : c.HasAdvice ? 0.45 : 0;

    /// <summary>
    /// A sentence with no content word (「えーと。」「はい。」) says nothing whatever the graph makes of it; one with few says
    /// little, unless it is the request, an amount or a result (「なんとかやめさせたい。」).
    /// </summary>
    private static double Information(SentenceCandidate c)
    {
        var byWords = c.TermCounts.Count switch
        {
            0 => 0.1,
            1 => 0.5,
            2 => 0.8,
            _ => 1,
        };
        var telling = c.HasWish || c.HasRequestPhrase || c.HasAmount || c.HasSettlement;
        return telling && c.TermCounts.Count > 0 ? Math.Max(byWords, 0.9) : byWords;
    }

    /// <summary>
    /// The opening pick is the best narrative sentence, then the best log step, so a header never lacks what the case
    /// is about nor a hand-over where it stands; the rest by maximal marginal relevance while the budget lasts.
    /// </summary>
    private static List<Chosen> Choose(List<SentenceCandidate> candidates, int budget, int logBudget)
    {
        var chosen = new List<Chosen>();
        var used = 0;
        var usedByLog = 0;
        var cutOnce = false;
        var maxValue = candidates.Max(Value);
        if (maxValue <= 0)
        {
            maxValue = 1;
        }

        bool TryAdd(SentenceCandidate c, bool mayCut, bool guaranteed)
        {
            var separator = chosen.Count > 0 ? 1 : 0;
            var room = budget - used - separator;
            if (c.LogEntry is not null && !guaranteed)
            {
                room = Math.Min(room, logBudget - usedByLog - separator);
            }

            if (chosen.Any(other => IsRepeat(c, other.SentenceCandidate)))
            {
                return false;
            }

            SummarySentence sentence;
            if (c.Length <= room)
            {
                sentence = new SummarySentence(c.Text, c.LogEntry is null ? SummarySource.Narrative : SummarySource.HandlingLog, c.LogEntry, c.Sentence.Start, c.Length, false);
            }
            else if ((mayCut && room >= Math.Min(MinCut, budget)) || (!cutOnce && room >= MinLateCut && room >= c.Length * LateCutShare))
            {
                sentence = Cut(c, room);
            }
            else
            {
                return false;
            }

            chosen.Add(new Chosen(c, sentence));
            cutOnce |= sentence.IsCut;
            used += separator + sentence.Text.Length;
            if (c.LogEntry is not null)
            {
                usedByLog += separator + sentence.Text.Length;
            }

            return true;
        }

        var ordered = candidates.OrderByDescending(Value).ThenBy(c => c.Order).ToList();
        if (ordered.FirstOrDefault(c => c.LogEntry is null) is { } opening)
        {
            TryAdd(opening, mayCut: true, guaranteed: true);
        }

        // The log's most telling step by its cues alone (a result, the latest): sharing the narrative's words, as
        // a step that merely restates the complaint does, is no reason to show it.
        if (candidates.Where(c => c.LogEntry is not null).OrderByDescending(c => c.Prior).ThenByDescending(c => c.Order).FirstOrDefault() is { } latest)
        {
            TryAdd(latest, mayCut: chosen.Count > 0, guaranteed: true);
        }

        if (chosen.Count == 0)
        {
            TryAdd(ordered[0], mayCut: true, guaranteed: true);
        }

        // A sentence worth a fraction of the best, or with no content word at all, would only fill the budget.
        var rest = ordered.Where(c => chosen.All(s => s.SentenceCandidate != c) && c.TermCounts.Count > 0 && Value(c) >= MinShare * maxValue).ToList();
        while (rest.Count > 0)
        {
            SentenceCandidate? best = null;
            var bestValue = double.MinValue;
            foreach (var c in rest)
            {
                var overlap = chosen.Count == 0 ? 0 : chosen.Max(s => SentenceGraph.Cosine(c, s.SentenceCandidate));
                var value = (Relevance * Value(c) / maxValue) - ((1 - Relevance) * overlap);
                if (value > bestValue)
                {
                    best = c;
                    bestValue = value;
                }
            }

            rest.Remove(best!);
            TryAdd(best!, mayCut: false, guaranteed: false);
        }

        return chosen;

        // A long sentence costs the room of two short ones; it must say more to be worth it, but not twice as much.
        static double Value(SentenceCandidate c) => c.Score / Math.Pow(Math.Max(c.Length, 20) / 40.0, 0.2);
    }

    private static bool IsRepeat(SentenceCandidate c, SentenceCandidate other)
    {
        if (SentenceGraph.Cosine(c, other) >= NearDuplicate)
        {
            return true;
        }

        var (shorter, longer) = c.Normalized.Length <= other.Normalized.Length ? (c, other) : (other, c);
        return shorter.Normalized.Length > 0 && longer.Normalized.Contains(shorter.Normalized, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sentence cut to <paramref name="room"/> characters with a closing …: at the last clause boundary (、) in the
    /// second half of the room, else after a conjunctive particle or the last particle, else after the last whole word,
    /// so no word is split.
    /// </summary>
    private static SummarySentence Cut(SentenceCandidate c, int room)
    {
        var start = c.Sentence.Start;
        var limit = start + room - 1;
        var end = LastBoundary(c.Source, start + (room / 2), limit, SentenceSplitter.IsComma);

        if (end < 0)
        {
            // Without a 、 the end of a clause is after a conjunctive particle (〜て, 〜が, 〜ので), else after any particle.
            var fits = c.Tokens.Where(t => t.End <= limit && t.End > start + (room / 3)).ToList();
            var afterClause = fits.LastOrDefault(t => t.PartOfSpeech == "助詞" && t.PartOfSpeechDetail.StartsWith("接続助詞", StringComparison.Ordinal) && t.End > start + (room / 2));
            var afterParticle = fits.LastOrDefault(t => t.PartOfSpeech == "助詞");
            end = (afterClause ?? afterParticle ?? fits.LastOrDefault())?.End ?? LastBoundary(c.Source, start + (room / 2), limit, SentenceSplitter.IsClauseBoundary);
        }

        if (end < 0)
        {
            end = limit;
        }

        if (end < c.Source.Length && end > start && char.IsLowSurrogate(c.Source[end]))
        {
            end--;
        }

        var kept = c.Source[start..end].TrimEnd().TrimEnd('、', '，', ',', '､');
        return new SummarySentence(kept + "…", c.LogEntry is null ? SummarySource.Narrative : SummarySource.HandlingLog, c.LogEntry, start, kept.Length, true);
    }

    /// <summary>The offset of the last boundary in (<paramref name="from"/>, <paramref name="limit"/>], or -1.</summary>
    private static int LastBoundary(string text, int from, int limit, Func<string, int, bool> isBoundary)
    {
        for (var i = limit; i > from; i--)
        {
            if (isBoundary(text, i - 1))
            {
                return i - 1;
            }
        }

        return -1;
    }

    /// <summary>The terms of the chosen sentences that weigh most over the whole case, spelled as first written there.</summary>
    private static List<string> KeyTerms(List<Chosen> chosen, Dictionary<string, int> terms, double[] isf, int max)
    {
        var weight = new Dictionary<int, double>();
        var spelling = new Dictionary<int, string>();
        foreach (var (c, sentence) in chosen)
        {
            foreach (var (id, start, length) in c.Occurrences)
            {
                if (start + length > sentence.Start + sentence.Length)
                {
                    continue;
                }

                weight[id] = weight.GetValueOrDefault(id) + isf[id];
                spelling.TryAdd(id, c.Source.Substring(start, length));
            }
        }

        return [.. weight.OrderByDescending(w => w.Value).ThenBy(w => w.Key).Select(w => spelling[w.Key])
            .Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Take(Math.Max(0, max))];
    }

    private sealed record Chosen(SentenceCandidate SentenceCandidate, SummarySentence Sentence);

}
