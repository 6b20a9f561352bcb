using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Summaries;

/// <summary>A sentence that may be chosen, with the terms and cues it is weighed by.</summary>
internal sealed class SentenceCandidate(string source, int? logEntry, TextSentence sentence, int order, int indexInSource, int sourceSentences, List<MorphToken> tokens)
{
    public string Source { get; } = source;

    public int? LogEntry { get; } = logEntry;

    public TextSentence Sentence { get; } = sentence;

    public string Text { get; } = source.Substring(sentence.Start, sentence.Length);

    public int Length => Sentence.Length;

    /// <summary>Position over the whole case: the narrative's sentences, then each log entry's, as written.</summary>
    public int Order { get; } = order;

    public int IndexInSource { get; } = indexInSource;

    public int SourceSentences { get; } = sourceSentences;

    public List<MorphToken> Tokens { get; } = tokens;

    public Dictionary<int, int> TermCounts { get; } = [];

    public List<(int Id, int Start, int Length)> Occurrences { get; } = [];

    public string Normalized { get; set; } = string.Empty;

    public int[] Ids { get; set; } = [];

    public double[] Weights { get; set; } = [];

    public double Score { get; set; }

    /// <summary>What the sentence is worth by its cues alone, without its centrality.</summary>
    public double Prior { get; set; }

    public bool HasAmount { get; set; }

    public bool HasDate { get; set; }

    public bool HasWish { get; set; }

    public bool HasOrganisation { get; set; }

    public bool HasRequestObject { get; set; }

    public bool HasRequestPhrase { get; set; }

    public bool HasContract { get; set; }

    public bool HasSeller { get; set; }

    public bool HasSettlement { get; set; }

    public bool HasAdvice { get; set; }

    public bool HasNoProgress { get; set; }

    public bool InHandlingSection { get; set; }

    public bool InRequestSection { get; set; }

    public void AddTerm(int id, int start, int length)
    {
        TermCounts[id] = TermCounts.GetValueOrDefault(id) + 1;
        Occurrences.Add((id, start, length));
    }

    /// <summary>The sentence's terms (content words by base form; a number with its unit as one term) and its cues.</summary>
    public void Describe(Dictionary<string, int> terms)
    {
        var tokens = Tokens;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.IsNoun && token.PartOfSpeechDetail.StartsWith('数'))
            {
                var last = NumberEnd(tokens, k);
                var unit = last + 1 < tokens.Count && tokens[last + 1].PartOfSpeechDetail.StartsWith("接尾", StringComparison.Ordinal) ? tokens[last + 1].Surface : null;
                if (unit is not null)
                {
                    last++;
                    HasAmount |= SummaryCues.IsAmountUnit(unit);
                    HasDate |= SummaryCues.IsDateUnit(unit);
                }

                HasDate |= Enumerable.Range(k, last - k + 1).Any(j => tokens[j].Surface is "/" or ":");
                var key = string.Concat(tokens.Skip(k).Take(last - k + 1).Select(t => t.Surface));
                AddTerm(Id(terms, key), token.Start, tokens[last].End - token.Start);
                k = last;
                continue;
            }

            if (SummaryCues.IsWish(token))
            {
                HasWish = true;
            }

            if (SummaryCues.IsDateWord(token.Surface))
            {
                HasDate = true;
            }

            if (token.PartOfSpeechDetail.Contains("組織", StringComparison.Ordinal))
            {
                HasOrganisation = true;
            }

            if (IsTerm(token))
            {
                AddTerm(Id(terms, token.BaseForm), token.Start, token.Length);
            }
        }

        var normalized = JapaneseNormalizer.NormalizeText(Text);
        Normalized = normalized;
        HasRequestObject = SummaryCues.HasRequestObject(normalized);
        HasRequestPhrase = SummaryCues.HasRequestPhrase(normalized);
        InRequestSection = SummaryCues.IsRequestSection(Sentence.Section);
        HasContract = SummaryCues.HasContract(normalized);
        HasSeller = SummaryCues.HasSeller(normalized) || HasOrganisation;
        HasSettlement = SummaryCues.HasSettlement(normalized);
        HasAdvice = SummaryCues.HasAdvice(normalized);
        HasNoProgress = SummaryCues.HasNoProgress(normalized);
        InHandlingSection = SummaryCues.IsHandlingSection(Sentence.Section);
    }

    /// <summary>3,000 or 5/10 or 10:30 comes out of MeCab as several tokens; they are one number.</summary>
    private static int NumberEnd(List<MorphToken> tokens, int k)
    {
        var last = k;
        while (last + 1 < tokens.Count)
        {
            var following = tokens[last + 1];
            if (following.IsNoun && following.PartOfSpeechDetail.StartsWith('数'))
            {
                last++;
            }
            else if (following.Surface is "/" or "." or ":" or "," or "-" && last + 2 < tokens.Count
                && tokens[last + 2].IsNoun && tokens[last + 2].PartOfSpeechDetail.StartsWith('数'))
            {
                last += 2;
            }
            else
            {
                break;
            }
        }

        return last;
    }

    private static bool IsTerm(MorphToken token)
    {
        if (!token.IsContentWord || StopWords.IsFunctionWord(token) || StopWords.IsStopWord(token.BaseForm))
        {
            return false;
        }

        if (token.BaseForm.Length == 1 && JapaneseNormalizer.IsHiragana(token.BaseForm[0]))
        {
            return false;
        }

        if (token.IsUnknown)
        {
            return true;
        }

        return token.PartOfSpeech switch
        {
            "名詞" => !token.PartOfSpeechDetail.StartsWith("接尾", StringComparison.Ordinal),
            "動詞" or "形容詞" => token.PartOfSpeechDetail.StartsWith("自立", StringComparison.Ordinal),
            _ => false,
        };
    }

    private static int Id(Dictionary<string, int> terms, string key)
    {
        if (!terms.TryGetValue(key, out var id))
        {
            id = terms.Count;
            terms[key] = id;
        }

        return id;
    }
}
