namespace Yorisoi.Text.Summaries;

/// <summary>The sentences as tf-isf vectors and the TextRank centrality of each in their similarity graph.</summary>
internal static class SentenceGraph
{
    private const double Damping = 0.85;
    private const int MaxIterations = 40;

    /// <summary>Below this cosine two sentences are not linked in the TextRank graph: sharing one common word is not similarity.</summary>
    private const double MinEdge = 0.05;

    /// <summary>tf-isf vectors, normalised to unit length: (1 + ln tf) · ln(1 + N / sentences holding the term).</summary>
    public static double[] Weigh(List<SentenceCandidate> candidates, int termCount)
    {
        var frequency = new int[termCount];
        foreach (var c in candidates)
        {
            foreach (var id in c.TermCounts.Keys)
            {
                frequency[id]++;
            }
        }

        var isf = new double[termCount];
        for (var id = 0; id < termCount; id++)
        {
            isf[id] = Math.Log(1 + ((double)candidates.Count / frequency[id]));
        }

        foreach (var c in candidates)
        {
            var ids = c.TermCounts.Keys.Order().ToArray();
            var weights = ids.Select(id => (1 + Math.Log(c.TermCounts[id])) * isf[id]).ToArray();
            var norm = Math.Sqrt(weights.Sum(w => w * w));
            c.Ids = ids;
            c.Weights = norm > 0 ? [.. weights.Select(w => w / norm)] : weights;
        }

        return isf;
    }

    /// <summary>PageRank over the similarity graph, scaled so that the mean sentence scores 1.</summary>
    public static double[] TextRank(List<SentenceCandidate> candidates)
    {
        var n = candidates.Count;
        var edges = new List<(int To, double Weight)>[n];
        var outWeight = new double[n];
        for (var i = 0; i < n; i++)
        {
            edges[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var similarity = Cosine(candidates[i], candidates[j]);
                if (similarity >= MinEdge)
                {
                    edges[i].Add((j, similarity));
                    edges[j].Add((i, similarity));
                    outWeight[i] += similarity;
                    outWeight[j] += similarity;
                }
            }
        }

        var rank = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // A sentence linked to nothing hands its rank to all, as in PageRank, so the ranks keep summing to 1.
            var dangling = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (outWeight[i] == 0)
                {
                    dangling += rank[i];
                }
            }

            Array.Fill(next, ((1 - Damping) / n) + (Damping * dangling / n));
            for (var i = 0; i < n; i++)
            {
                if (outWeight[i] == 0)
                {
                    continue;
                }

                foreach (var (to, weight) in edges[i])
                {
                    next[to] += Damping * rank[i] * weight / outWeight[i];
                }
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - rank[i]);
            }

            (rank, next) = (next, rank);
            if (change < 1e-6)
            {
                break;
            }
        }

        return [.. rank.Select(r => r * n)];
    }

    public static double Cosine(SentenceCandidate a, SentenceCandidate b)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Ids.Length && j < b.Ids.Length)
        {
            if (a.Ids[i] == b.Ids[j])
            {
                dot += a.Weights[i++] * b.Weights[j++];
            }
            else if (a.Ids[i] < b.Ids[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }
}
