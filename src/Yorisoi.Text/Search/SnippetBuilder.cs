using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Yorisoi.Text.Search;

/// <summary>
/// Finds the words a query matched in a stored text by analysing it again the way each index field does, so the
/// marks cover the characters the user wrote (full-width, half-width kana, kanji numerals) and not normalised text.
/// </summary>
internal sealed class SnippetBuilder(Analyzer recall, Analyzer precision, Analyzer reading)
{
    public IReadOnlyList<Snippet> Build(FieldDefinition field, string text, HighlightTerms terms, int fragmentLength, int maxFragments)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var marks = new List<(int Start, int End)>();
        Mark(recall, field.Name, text, terms, marks);
        Mark(precision, field.PrecisionField, text, terms, marks);
        Mark(reading, field.ReadingField, text, terms, marks);
        var merged = Merge(marks);
        return Fragments(field.Name, text, merged, Math.Max(20, fragmentLength), Math.Max(1, maxFragments));
    }

    private static void Mark(Analyzer analyzer, string field, string text, HighlightTerms terms, List<(int Start, int End)> marks)
    {
        terms.Terms.TryGetValue(field, out var exact);
        terms.Sequences.TryGetValue(field, out var sequences);
        terms.Prefixes.TryGetValue(field, out var prefixes);
        terms.Characters.TryGetValue(field, out var characters);
        if (exact is null && sequences is null && prefixes is null && characters is null)
        {
            return;
        }

        var tokens = new List<(string Term, int Position, int Start, int End)>();
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                tokens.Add((term.ToString(), position, offset.StartOffset, offset.EndOffset));
            }

            stream.End();
        }

        foreach (var token in tokens)
        {
            if (exact?.Contains(token.Term) == true || prefixes?.Any(p => token.Term.StartsWith(p, StringComparison.Ordinal)) == true)
            {
                marks.Add((token.Start, token.End));
            }

            if (characters is not null)
            {
                MarkCharacters(token.Term, token.Start, token.End, characters, marks);
            }
        }

        if (sequences is null)
        {
            return;
        }

        // A bigram phrase counts only where all its bigrams follow each other, so 解約 does not light up every 約.
        var byPosition = tokens.GroupBy(t => t.Position).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var sequence in sequences)
        {
            foreach (var first in tokens.Where(t => t.Term == sequence[0]))
            {
                var end = first.End;
                var matched = true;
                for (var k = 1; k < sequence.Length && matched; k++)
                {
                    var next = byPosition.TryGetValue(first.Position + k, out var list) ? list.FirstOrDefault(t => t.Term == sequence[k]) : default;
                    matched = next.Term is not null;
                    end = matched ? next.End : end;
                }

                if (matched)
                {
                    marks.Add((first.Start, end));
                }
            }
        }
    }

    // Where a bigram's offsets span its two characters, only the character searched for is marked; otherwise (the char
    // filter changed the text's length there) the whole bigram.
    private static void MarkCharacters(string term, int start, int end, HashSet<string> characters, List<(int Start, int End)> marks)
    {
        foreach (var character in characters)
        {
            for (var i = term.IndexOf(character, StringComparison.Ordinal); i >= 0; i = term.IndexOf(character, i + character.Length, StringComparison.Ordinal))
            {
                marks.Add(end - start == term.Length ? (start + i, start + i + character.Length) : (start, end));
            }
        }
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> marks)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var mark in marks.Where(m => m.End > m.Start).OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            if (merged.Count > 0 && mark.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, mark.End));
            }
            else
            {
                merged.Add(mark);
            }
        }

        return merged;
    }

    private static List<Snippet> Fragments(string field, string text, List<(int Start, int End)> marks, int length, int max)
    {
        if (marks.Count == 0)
        {
            var end = CutPoint(text, Math.Min(text.Length, length));
            return [new Snippet(field, text[..end], 0, [], false, end < text.Length)];
        }

        var fragments = new List<Snippet>();
        var next = 0;
        while (next < marks.Count && fragments.Count < max)
        {
            // Start a little before the first mark so the reader sees what led to it.
            var start = CutPoint(text, Math.Max(0, marks[next].Start - (length / 4)));
            if (fragments.Count > 0 && start < fragments[^1].SourceStart + fragments[^1].Text.Length)
            {
                start = fragments[^1].SourceStart + fragments[^1].Text.Length;
            }

            var end = CutPoint(text, Math.Min(text.Length, Math.Max(start + length, marks[next].End)));
            var ranges = new List<HighlightRange>();
            while (next < marks.Count && marks[next].Start < end)
            {
                var s = Math.Max(marks[next].Start, start);
                var e = Math.Min(marks[next].End, end);
                if (e > s)
                {
                    ranges.Add(new HighlightRange(s - start, e - s));
                }

                next++;
            }

            fragments.Add(new Snippet(field, text[start..end], start, ranges, start > 0, end < text.Length));
        }

        return fragments;
    }

    private static int CutPoint(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index - 1 : index;
}
