using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Yorisoi.Text.Search;

/// <summary>
/// Counts the values of keyword fields over every matching document (not just the top N) from their sorted-set
/// doc values, segment by segment. Lucene.Net.Facet is not available here; this is the part of it search needs.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Count];
    private readonly int[][] _segmentCounts = new int[fields.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < fields.Count; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(fields[i]);
            _values[i] = values;
            _segmentCounts[i] = values is null ? [] : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null)
            {
                continue;
            }

            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _segmentCounts[i][ord]++;
            }
        }
    }

    /// <summary>Adds the counts of another collector of the same fields (one that counted other segments).</summary>
    public void Add(FacetCollector other)
    {
        other.Flush();
        foreach (var (field, counts) in other._counts)
        {
            var mine = _counts[field];
            foreach (var (key, count) in counts)
            {
                mine[key] = mine.GetValueOrDefault(key) + count;
            }
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result(int top)
    {
        Flush();
        return _counts.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<FacetValue>)[.. p.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Take(top).Select(v => new FacetValue(v.Key, v.Value))],
            StringComparer.Ordinal);
    }

    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null)
            {
                continue;
            }

            var counts = _counts[fields[i]];
            for (var ord = 0; ord < _segmentCounts[i].Length; ord++)
            {
                var count = _segmentCounts[i][ord];
                if (count > 0)
                {
                    values.LookupOrd(ord, term);
                    var key = term.Utf8ToString();
                    counts[key] = counts.GetValueOrDefault(key) + count;
                }
            }

            _values[i] = null;
        }
    }
}
