using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Search;

/// <summary>
/// The search box's syntax: words are ANDed, <c>OR</c> (or |) between words, <c>-word</c> (or NOT) excludes,
/// "a phrase" (also 「」『』“”), parentheses, <c>field:value</c> with the schema's names and aliases (事業者:ABC,
/// 受付番号:2026-, 金額:1000..5000, 受付日:2026-04-01..2026-04-30), and a trailing * for a prefix (ていき*).
/// Nothing the user types makes it throw: unbalanced quotes and parentheses are closed, Lucene's special characters
/// are plain text, and what is left after dropping punctuation and stop words decides <see cref="QueryStatus"/>.
/// </summary>
public sealed partial class JapaneseQueryParser : IDisposable
{
    private static readonly char[] OpenQuotes = ['"', '“', '「', '『', '”'];

    private readonly TextIndexSchema _schema;
    private readonly IMorphologicalAnalyzer _analyzer;
    private readonly Analyzer _recall;
    private readonly Analyzer _precision;
    private readonly SynonymList _synonyms;
    private readonly SearchOptions _options;

    public JapaneseQueryParser(TextIndexSchema schema, IMorphologicalAnalyzer analyzer, SynonymList? synonyms = null, SearchOptions? options = null)
    {
        _schema = schema;
        _analyzer = analyzer;
        _recall = new RecallAnalyzer(unigrams: false);
        _precision = new PrecisionAnalyzer(analyzer);
        _synonyms = synonyms ?? SynonymList.Default;
        _options = options ?? new SearchOptions();
    }

    public void Dispose()
    {
        _recall.Dispose();
        _precision.Dispose();
    }

    public ParsedQuery Parse(string? input) => Parse(input, natural: false);

    /// <summary>
    /// A query typed as everyday language (「お試しで頼んだら毎月届くんだけど」, a pasted narrative): the same syntax, but
    /// words are alternatives rather than all required, and each word is also split into its content words (MeCab base
    /// forms, stop words dropped), so that a document matching most of them ranks first and one matching only some is
    /// still found. The whole word still counts as a phrase, so exact wording ranks above scattered parts. Exclusions
    /// and field filters keep their meaning; a word is not cut at <see cref="SearchOptions.MaxTermLength"/> for the split.
    /// </summary>
    public ParsedQuery ParseNatural(string? input) => Parse(input, natural: true);

    private ParsedQuery Parse(string? input, bool natural)
    {
        var highlights = new HighlightTerms();
        if (string.IsNullOrWhiteSpace(input))
        {
            return new ParsedQuery(QueryStatus.Empty, null, QueryNotices.None, highlights);
        }

        var state = new State(this, highlights) { Natural = natural };
        if (input.Length > _options.MaxQueryLength)
        {
            var cut = _options.MaxQueryLength;
            if (char.IsLowSurrogate(input[cut]))
            {
                cut--;
            }

            input = input[..cut];
            state.Notices |= QueryNotices.Truncated;
        }

        // Width only: operators (OR, NOT) are upper case, and the analysers fold everything else themselves.
        var text = input.Normalize(System.Text.NormalizationForm.FormKC);
        var tokens = Lex(text, state);
        var position = 0;
        var node = ParseOr(tokens, ref position, 0, state);
        while (position < tokens.Count)
        {
            // A stray ")" ends a group that was never opened; skip it and read on.
            state.Notices |= QueryNotices.UnbalancedParentheses;
            position++;
            var more = ParseOr(tokens, ref position, 0, state);
            node = node is null ? more : more is null ? node : new AndNode([node, more]);
        }

        var query = node is null ? null : Build(node, state, negated: false);
        if (query is null)
        {
            return new ParsedQuery(QueryStatus.NoSearchableTerms, null, state.Notices, highlights);
        }

        if (query is BooleanQuery boolean && boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT))
        {
            boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
            state.Notices |= QueryNotices.OnlyExclusions;
        }

        return new ParsedQuery(QueryStatus.Ok, query, state.Notices, highlights);
    }

    /// <summary>A query for a picker or suggestion box: every word of the text as a prefix, kana as readings.</summary>
    public ParsedQuery ParsePrefix(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Parse(input);
        }

        var words = JapaneseNormalizer.NormalizeText(input, numerals: false)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => char.IsLetterOrDigit(c) || c == 'ー').ToArray()))
            .Where(w => w.Length > 0)
            .Select(w => w + "*");
        return Parse(string.Join(' ', words));
    }

    private static List<Lexeme> Lex(string text, State state)
    {
        var tokens = new List<Lexeme>();
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (char.IsWhiteSpace(ch))
            {
                i++;
                continue;
            }

            if (Array.IndexOf(OpenQuotes, ch) >= 0)
            {
                var close = IndexOfClosingQuote(text, i + 1);
                if (close < 0)
                {
                    state.Notices |= QueryNotices.UnbalancedQuotes;
                    close = text.Length;
                }

                tokens.Add(new Lexeme(LexemeKind.Phrase, text[(i + 1)..close]));
                i = close + 1;
                continue;
            }

            switch (ch)
            {
                case '(':
                    tokens.Add(new Lexeme(LexemeKind.Open, "("));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new Lexeme(LexemeKind.Close, ")"));
                    i++;
                    continue;
                case '|':
                    tokens.Add(new Lexeme(LexemeKind.Or, "|"));
                    i += i + 1 < text.Length && text[i + 1] == '|' ? 2 : 1;
                    continue;
                case '&':
                    i += i + 1 < text.Length && text[i + 1] == '&' ? 2 : 1;
                    continue;
                case '-' or '!' when i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] is not ('-' or '!'):
                    tokens.Add(new Lexeme(LexemeKind.Not, "-"));
                    i++;
                    continue;
                case '+':
                    i++;
                    continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '|') && Array.IndexOf(OpenQuotes, text[i]) < 0)
            {
                i++;
            }

            // Lucene's fuzzy and boost suffixes (解約~2, 解約^10) mean nothing here.
            var word = FuzzyOrBoostSuffix().Replace(text[start..i], string.Empty);
            if (word.Length == 0)
            {
                continue;
            }

            switch (word)
            {
                case "OR":
                    tokens.Add(new Lexeme(LexemeKind.Or, word));
                    continue;
                case "AND":
                    continue;
                case "NOT":
                    tokens.Add(new Lexeme(LexemeKind.Not, word));
                    continue;
            }

            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = word[..colon];
                var field = state.Parser._schema.Resolve(name);
                if (field is not null)
                {
                    var value = word[(colon + 1)..];
                    if (value.Length == 0 && i < text.Length && Array.IndexOf(OpenQuotes, text[i]) >= 0)
                    {
                        var close = IndexOfClosingQuote(text, i + 1);
                        if (close < 0)
                        {
                            state.Notices |= QueryNotices.UnbalancedQuotes;
                            close = text.Length;
                        }

                        tokens.Add(new Lexeme(LexemeKind.Field, text[(i + 1)..close], field, Quoted: true));
                        i = close + 1;
                        continue;
                    }

                    if (value.Length > 0)
                    {
                        tokens.Add(new Lexeme(LexemeKind.Field, value, field));
                    }

                    continue;
                }

                if (!name.All(char.IsAsciiDigit))
                {
                    state.Notices |= QueryNotices.UnknownField;
                }
            }

            tokens.Add(new Lexeme(LexemeKind.Word, word));
        }

        return tokens;
    }

    private static int IndexOfClosingQuote(string text, int from)
    {
        for (var k = from; k < text.Length; k++)
        {
            if (text[k] is '"' or '”' or '」' or '』' or '“')
            {
                return k;
            }
        }

        return -1;
    }

    private static Node? ParseOr(List<Lexeme> tokens, ref int position, int depth, State state)
    {
        var alternatives = new List<Node>();
        var pendingOr = false;
        while (position < tokens.Count && tokens[position].Kind != LexemeKind.Close)
        {
            if (tokens[position].Kind == LexemeKind.Or)
            {
                pendingOr = true;
                position++;
                continue;
            }

            var and = ParseAnd(tokens, ref position, depth, state);
            if (and is null)
            {
                continue;
            }

            if (pendingOr || alternatives.Count == 0)
            {
                alternatives.Add(and);
            }
            else
            {
                alternatives[^1] = new AndNode([alternatives[^1], and]);
            }

            pendingOr = false;
        }

        return alternatives.Count switch
        {
            0 => null,
            1 => alternatives[0],
            _ => new OrNode(alternatives),
        };
    }

    // Reads one run of ANDed operands up to the next OR, ")" or end.
    private static Node? ParseAnd(List<Lexeme> tokens, ref int position, int depth, State state)
    {
        var operands = new List<Node>();
        while (position < tokens.Count && tokens[position].Kind is not (LexemeKind.Or or LexemeKind.Close))
        {
            if (ParseUnary(tokens, ref position, depth, state) is { } operand)
            {
                operands.Add(operand);
            }
        }

        return operands.Count switch
        {
            0 => null,
            1 => operands[0],
            _ => new AndNode(operands),
        };
    }

    private static Node? ParseUnary(List<Lexeme> tokens, ref int position, int depth, State state)
    {
        var token = tokens[position++];
        switch (token.Kind)
        {
            case LexemeKind.Not:
                if (position >= tokens.Count || tokens[position].Kind is LexemeKind.Or or LexemeKind.Close)
                {
                    return null;
                }

                return ParseUnary(tokens, ref position, depth, state) is { } negated ? new NotNode(negated) : null;
            case LexemeKind.Open:
                if (depth >= state.Parser._options.MaxDepth)
                {
                    return null;
                }

                var inner = ParseOr(tokens, ref position, depth + 1, state);
                if (position < tokens.Count && tokens[position].Kind == LexemeKind.Close)
                {
                    position++;
                }
                else
                {
                    state.Notices |= QueryNotices.UnbalancedParentheses;
                }

                return inner;
            case LexemeKind.Phrase:
                return new TextNode(token.Text, Phrase: true, Prefix: false, null);
            case LexemeKind.Field when token.Field!.Kind == FieldKind.Text:
                return new TextNode(token.Text, token.Quoted, !token.Quoted && token.Text.EndsWith('*'), token.Field);
            case LexemeKind.Field:
                return new FilterNode(token.Field!, token.Text);
            case LexemeKind.Word:
                return new TextNode(token.Text, Phrase: false, Prefix: token.Text.EndsWith('*'), null);
            default:
                return null;
        }
    }

    private Query? Build(Node node, State state, bool negated)
    {
        switch (node)
        {
            case NotNode not:
                var inner = Build(not.Inner, state, !negated);
                if (inner is null)
                {
                    return null;
                }

                var exclusion = new BooleanQuery();
                exclusion.Add(inner, Occur.MUST_NOT);
                return exclusion;
            case AndNode and:
                var all = new BooleanQuery();
                foreach (var child in and.Children)
                {
                    if (Build(child, state, negated) is not { } query)
                    {
                        continue;
                    }

                    // Natural reading: a filter still restricts and an exclusion still excludes; words only rank.
                    if (state.Natural && !negated && child is TextNode && !(query is BooleanQuery { Clauses.Count: 1 } single && single.Clauses[0].Occur == Occur.MUST_NOT))
                    {
                        all.Add(query, Occur.SHOULD);
                    }
                    else
                    {
                        AddMust(all, query);
                    }
                }

                if (all.Clauses.Any(c => c.Occur == Occur.SHOULD) && all.Clauses.Any(c => c.Occur == Occur.MUST))
                {
                    // Beside a filter, SHOULD clauses would become optional; at least one word must still match.
                    var words = new BooleanQuery();
                    foreach (var clause in all.Clauses.Where(c => c.Occur == Occur.SHOULD))
                    {
                        words.Add(clause.Query, Occur.SHOULD);
                    }

                    var rest = new BooleanQuery { { words, Occur.MUST } };
                    foreach (var clause in all.Clauses.Where(c => c.Occur != Occur.SHOULD))
                    {
                        rest.Add(clause.Query, clause.Occur);
                    }

                    all = rest;
                }

                return all.Clauses.Count == 0 ? null : all.Clauses.Count == 1 && all.Clauses[0].Occur is Occur.MUST or Occur.SHOULD ? all.Clauses[0].Query : all;
            case OrNode or:
                var any = new BooleanQuery();
                foreach (var child in or.Children)
                {
                    if (Build(child, state, negated) is { } query)
                    {
                        any.Add(query, Occur.SHOULD);
                    }
                }

                return any.Clauses.Count switch
                {
                    0 => null,
                    1 => any.Clauses[0].Query,
                    _ => any,
                };
            case TextNode text:
                return CountClause(state) ? BuildText(text, state, negated) : null;
            case FilterNode filter:
                return CountClause(state) ? BuildFilter(filter, state) : null;
            default:
                return null;
        }
    }

    // "a -b" is a AND NOT b: the exclusion's clause joins the enclosing AND rather than nesting a pure-negative query.
    private static void AddMust(BooleanQuery target, Query query)
    {
        if (query is BooleanQuery { Clauses.Count: 1 } single && single.Clauses[0].Occur == Occur.MUST_NOT)
        {
            target.Add(single.Clauses[0].Query, Occur.MUST_NOT);
            return;
        }

        target.Add(query, Occur.MUST);
    }

    private bool CountClause(State state)
    {
        if (state.Clauses >= _options.MaxClauses)
        {
            state.Notices |= QueryNotices.TooManyTerms;
            return false;
        }

        state.Clauses++;
        return true;
    }

    private Query? BuildText(TextNode node, State state, bool negated)
    {
        if (state.Natural && !negated && !node.Phrase && !node.Prefix && node.Field is null)
        {
            return BuildNatural(node.Text, state);
        }

        var text = node.Prefix ? node.Text.TrimEnd('*') : node.Text;
        if (text.Length > _options.MaxTermLength)
        {
            text = text[.._options.MaxTermLength];
            if (char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1];
            }

            state.Notices |= QueryNotices.TermTooLong;
        }

        var fields = node.Field is null ? _schema.TextFields.ToList() : [node.Field];
        var highlights = negated ? new HighlightTerms() : state.Highlights;
        var main = BuildAlternative(text, fields, node.Phrase, node.Prefix, highlights);
        if (main is null)
        {
            state.Notices |= QueryNotices.IgnoredWords;
            return null;
        }

        var synonyms = node.Prefix ? [] : _synonyms.SynonymsOf(text);
        if (synonyms.Count == 0)
        {
            return main;
        }

        var group = new BooleanQuery { { main, Occur.SHOULD } };
        foreach (var synonym in synonyms)
        {
            if (BuildAlternative(synonym, fields, phrase: true, prefix: false, highlights) is { } alternative)
            {
                alternative.Boost *= _options.SynonymBoost;
                group.Add(alternative, Occur.SHOULD);
            }
        }

        return group;
    }

    // The word as typed (a phrase, with its synonyms) and each of its content words on its own, all optional.
    private Query? BuildNatural(string word, State state)
    {
        var fields = _schema.TextFields.ToList();
        var any = new BooleanQuery();
        var whole = word.Length <= _options.MaxTermLength
            ? BuildText(new TextNode(word, Phrase: false, Prefix: false, null), state with { Natural = false }, negated: false)
            : null;
        if (whole is not null)
        {
            any.Add(whole, Occur.SHOULD);
        }

        // Kana typed as a reading (ていきこうにゅう) is not given to MeCab as words; the whole word uses the reading field.
        var parts = JapaneseNormalizer.IsKanaOnly(word) ? [] : _analyzer.Analyze(word);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in parts)
        {
            if (!token.IsContentWord || StopWords.IsFunctionWord(token) || StopWords.IsStopWord(token.BaseForm) || seen.Count >= _options.MaxNaturalWords)
            {
                continue;
            }

            // Conjugating words are searched by their dictionary form (頼ん → 頼む), so that kana endings do not count.
            var text = token.PartOfSpeech is "動詞" or "形容詞" ? token.BaseForm : token.Surface;
            if (text.Length == 0 || !seen.Add(text) || (whole is not null && parts.Count == 1))
            {
                continue;
            }

            if (BuildAlternative(text, fields, phrase: true, prefix: false, state.Highlights) is not { } part)
            {
                continue;
            }

            part.Boost *= _options.PartBoost;
            var group = new BooleanQuery { { part, Occur.SHOULD } };
            foreach (var synonym in _synonyms.SynonymsOf(text))
            {
                if (BuildAlternative(synonym, fields, phrase: true, prefix: false, state.Highlights) is { } alternative)
                {
                    alternative.Boost *= _options.PartBoost * _options.SynonymBoost;
                    group.Add(alternative, Occur.SHOULD);
                }
            }

            any.Add(group.Clauses.Count == 1 ? part : group, Occur.SHOULD);
        }

        if (any.Clauses.Count == 0)
        {
            state.Notices |= QueryNotices.IgnoredWords;
            return null;
        }

        return any.Clauses.Count == 1 ? any.Clauses[0].Query : any;
    }

    private DisjunctionMaxQuery? BuildAlternative(string text, List<FieldDefinition> fields, bool phrase, bool prefix, HighlightTerms highlights)
    {
        if (!HasContent(text))
        {
            return null;
        }

        var best = new DisjunctionMaxQuery(_options.TieBreaker);
        var kana = JapaneseNormalizer.IsKanaOnly(text) ? JapaneseNormalizer.ToHiragana(text) : null;

        // MeCab reads hiragana typed as a reading (ていき) as particles and verbs (て|いき); only the reading field can use it.
        var hiragana = kana is not null && text.Any(JapaneseNormalizer.IsHiragana);
        // The analysers do not depend on the field, so the text is analysed once for all fields (a narrative's natural
        // query has a few hundred alternatives over five fields).
        List<AnalyzedTerm>? recallTerms = null;
        List<AnalyzedTerm>? precisionTerms = null;
        foreach (var field in fields)
        {
            var recall = recallTerms ??= Analyze(_recall, field.Name, text);
            if (recall.Count > 0)
            {
                var query = RecallSequence(field.Name, recall);
                query.Boost = _options.RecallBoost * field.Boost;
                best.Add(query);
                if (recall.Count == 1 && IsOneCharacter(recall[0].Term))
                {
                    highlights.AddCharacter(field.Name, recall[0].Term);
                }
                else
                {
                    highlights.AddSequence(field.Name, [.. recall.Select(t => t.Term)]);
                }
            }

            var precision = hiragana ? [] : precisionTerms ??= Analyze(_precision, field.PrecisionField, text);
            if (precision.Count > 0)
            {
                Query query = prefix && precision.Count == 1
                    ? new PrefixQuery(new Term(field.PrecisionField, precision[0].Term))
                    : Sequence(field.PrecisionField, precision, _options.PhraseSlop, phrase);
                query.Boost = _options.PrecisionBoost * field.Boost;
                best.Add(query);
                foreach (var token in precision)
                {
                    if (prefix)
                    {
                        highlights.AddPrefix(field.PrecisionField, token.Term);
                    }
                    else
                    {
                        highlights.AddTerm(field.PrecisionField, token.Term);
                    }
                }
            }

            if (kana is not null)
            {
                var term = new Term(field.ReadingField, kana);
                Query query = prefix ? new PrefixQuery(term) : new TermQuery(term);
                query.Boost = _options.ReadingBoost * field.Boost;
                best.Add(query);
                if (prefix)
                {
                    highlights.AddPrefix(field.ReadingField, kana);
                }
                else
                {
                    highlights.AddTerm(field.ReadingField, kana);
                }
            }
        }

        return best.Disjuncts.Count == 0 ? null : best;
    }

    // Particles, auxiliaries, punctuation and stop words alone are not worth searching for, in any field.
    private bool HasContent(string text)
    {
        var tokens = _analyzer.Analyze(text);
        if (tokens.Count == 0)
        {
            return false;
        }

        return (JapaneseNormalizer.IsKanaOnly(text) && text.Length >= 3)
            || tokens.Any(t => t.IsContentWord && !StopWords.IsFunctionWord(t) && !StopWords.IsStopWord(t.BaseForm));
    }

    // A lone CJK character as the recall analyser gives it (Latin letters and digits stay whole words).
    private static bool IsOneCharacter(string term) =>
        (term.Length == 1 || (term.Length == 2 && char.IsSurrogatePair(term[0], term[1]))) && !char.IsAscii(term[0]) && char.IsLetter(term, 0);

    // A lone kanji is in the index on its own only at the end of a run, elsewhere as the first character of a bigram
    // (車 in 自動車を is in 車を, 日 in 8日以内 in 日以), so it is searched as a prefix of the field's terms: alone as a prefix
    // query, beside other tokens (3年, 8日, ABC車) as a span phrase with a prefix in its place.
    private static Query RecallSequence(string field, List<AnalyzedTerm> terms)
    {
        if (!terms.Any(t => IsOneCharacter(t.Term)))
        {
            return Sequence(field, terms, slop: 0, phrase: true);
        }

        if (terms.Count == 1)
        {
            return new PrefixQuery(new Term(field, terms[0].Term));
        }

        var clauses = terms.Select(t => IsOneCharacter(t.Term)
            ? (SpanQuery)new SpanMultiTermQueryWrapper<PrefixQuery>(new PrefixQuery(new Term(field, t.Term)))
            : new SpanTermQuery(new Term(field, t.Term))).ToArray();
        var gaps = terms[^1].Position - terms[0].Position - (terms.Count - 1);
        return new SpanNearQuery(clauses, Math.Max(0, gaps), inOrder: true);
    }

    private static Query Sequence(string field, List<AnalyzedTerm> terms, int slop, bool phrase)
    {
        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0].Term));
        }

        if (phrase)
        {
            var query = new PhraseQuery { Slop = slop };
            foreach (var term in terms)
            {
                query.Add(new Term(field, term.Term), term.Position);
            }

            return query;
        }

        var all = new BooleanQuery();
        foreach (var term in terms)
        {
            all.Add(new TermQuery(new Term(field, term.Term)), Occur.MUST);
        }

        return all;
    }

    private static ConstantScoreQuery? BuildFilter(FilterNode node, State state)
    {
        var value = node.Value.Trim();
        switch (node.Field.Kind)
        {
            case FieldKind.Keyword:
                var prefix = value.EndsWith('*');
                var key = node.Field.KeyOf(prefix ? value.TrimEnd('*') : value);
                if (key.Length == 0)
                {
                    state.Notices |= QueryNotices.InvalidFilterValue;
                    return null;
                }

                var term = new Term(node.Field.Name, key);
                return new ConstantScoreQuery(prefix ? new PrefixQuery(term) : new TermQuery(term));
            case FieldKind.Number or FieldKind.Date:
                if (TryRange(value, node.Field.Kind, out var min, out var max))
                {
                    return new ConstantScoreQuery(NumericRangeQuery.NewInt64Range(node.Field.Name, min, max, true, true));
                }

                state.Notices |= QueryNotices.InvalidFilterValue;
                return null;
            default:
                return null;
        }
    }

    /// <summary>"1000", "1000..5000", "..5000", ">=1000", "&lt;5000"; dates as 2026-04-01, 2026/4/1 or 20260401 (whole days).</summary>
    internal static bool TryRange(string value, FieldKind kind, out long? min, out long? max)
    {
        min = null;
        max = null;
        value = value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (value.Contains("..", StringComparison.Ordinal))
        {
            var parts = value.Split("..", 2);
            var okLow = parts[0].Length == 0 || TryPoint(parts[0], kind, out min, out _);
            var okHigh = parts[1].Length == 0 || TryPoint(parts[1], kind, out _, out max);
            return okLow && okHigh && (min is not null || max is not null);
        }

        foreach (var op in new[] { ">=", "<=", ">", "<" })
        {
            if (value.StartsWith(op, StringComparison.Ordinal))
            {
                if (!TryPoint(value[op.Length..], kind, out var low, out var high))
                {
                    return false;
                }

                switch (op)
                {
                    case ">=": min = low; break;
                    case ">": min = high + 1; break;
                    case "<=": max = high; break;
                    default: max = low - 1; break;
                }

                return true;
            }
        }

        return TryPoint(value, kind, out min, out max);
    }

    private static bool TryPoint(string text, FieldKind kind, out long? low, out long? high)
    {
        low = high = null;
        if (kind == FieldKind.Number)
        {
            var normalized = NumeralNormalizer.Normalize(text).TrimEnd('円');
            if (long.TryParse(normalized, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                || NumeralNormalizer.TryValue(normalized, out number))
            {
                low = high = number;
                return true;
            }

            return false;
        }

        string[] formats = ["yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy-M", "yyyy/M", "yyyy"];
        if (!DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        // A date covers the whole day in Japan; a month or year the whole month or year.
        var end = text.Length == 4 ? date.AddYears(1) : text.Count(c => c is '-' or '/') == 1 || (text.Length == 6 && text.All(char.IsAsciiDigit)) ? date.AddMonths(1) : date.AddDays(1);
        var offset = TimeSpan.FromHours(9);
        low = new DateTimeOffset(date, offset).UtcTicks;
        high = new DateTimeOffset(end, offset).UtcTicks - 1;
        return true;
    }

    private static List<AnalyzedTerm> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new List<AnalyzedTerm>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add(new AnalyzedTerm(term.ToString(), Math.Max(0, position)));
        }

        stream.End();
        return terms;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=.)[~^][0-9.]*$")]
    private static partial System.Text.RegularExpressions.Regex FuzzyOrBoostSuffix();

    private readonly record struct AnalyzedTerm(string Term, int Position);

    private enum LexemeKind
    {
        Word,
        Phrase,
        Field,
        Open,
        Close,
        Or,
        Not,
    }

    private sealed record Lexeme(LexemeKind Kind, string Text, FieldDefinition? Field = null, bool Quoted = false);

    private abstract record Node;

    private sealed record TextNode(string Text, bool Phrase, bool Prefix, FieldDefinition? Field) : Node;

    private sealed record FilterNode(FieldDefinition Field, string Value) : Node;

    private sealed record NotNode(Node Inner) : Node;

    private sealed record AndNode(List<Node> Children) : Node;

    private sealed record OrNode(List<Node> Children) : Node;

    private sealed record State(JapaneseQueryParser Parser, HighlightTerms Highlights)
    {
        public QueryNotices Notices { get => Shared.Notices; set => Shared.Notices = value; }

        public int Clauses { get => Shared.Clauses; set => Shared.Clauses = value; }

        public bool Natural { get; init; }

        // Counters stay common to copies made to build a sub-query another way (state with { Natural = false }).
        private Counters Shared { get; init; } = new();
    }

    private sealed class Counters
    {
        public QueryNotices Notices { get; set; }

        public int Clauses { get; set; }
    }
}
