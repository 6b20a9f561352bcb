using System.Globalization;
using Npgsql;
using Xunit.Abstractions;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Knowledge;
using Yorisoi.Tests.Evaluation;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Text;

namespace Yorisoi.Tests.Integration.Knowledge;

/// <summary>
/// PostgreSQL's own option on the same evaluation sets as the Lucene search (FaqSearchQualityTests in the unit tests):
/// pg_trgm with a GIN trigram index over question, summary and answer text. Queries: candidates by the word-similarity
/// operator (&lt;%) or ILIKE, ranked by word_similarity. Narratives (a whole story against a whole entry): candidates
/// by the similarity operator (%), ranked by similarity, since no part of an entry resembles a long story as a whole.
/// It is the comparison peer, so it is not held to 0.80; the test computes recall@5 and MRR for real, prints them and
/// writes them to evaluation-pg_trgm.txt beside the test binaries.
/// </summary>
[Collection("postgres")]
public sealed class PgTrgmEvaluationTests(PostgresFixture postgres, ITestOutputHelper output)
{
    // pg_trgm's default word-similarity threshold (0.6) finds almost nothing for Japanese questions against whole
    // answers; 0.3 is the usual setting. A narrative shares few trigrams with any one entry: 0.05 keeps candidates.
    private const string Threshold = "0.3";
    private const string NarrativeThreshold = "0.05";

    [Fact]
    public async Task PgTrgmRecallAndMrrOnTheEvaluationSetsAreMeasured()
    {
        await using var data = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("trgm"));
        await LoadAsync(data);

        var queries = EvaluationSet.FaqQueries();
        var narratives = EvaluationSet.Narratives();
        var publicSearch = await EvaluationSet.ScoreAsync(queries, q => RankAsync(data, q, publicOnly: true));
        var narrativeSearch = await EvaluationSet.ScoreAsync(narratives, t => RankNarrativeAsync(data, t));

        var report = string.Join(Environment.NewLine,
            $"pg_trgm public search (faq-queries.jsonl, word_similarity threshold {Threshold}): {publicSearch}",
            $"pg_trgm narrative suggestions (narratives.jsonl, similarity threshold {NarrativeThreshold}): {narrativeSearch}");
        output.WriteLine(report);
        var file = Path.Combine(AppContext.BaseDirectory, "evaluation-pg_trgm.txt");
        await File.WriteAllTextAsync(file, report + Environment.NewLine);
        output.WriteLine("written to " + file);

        Assert.Equal(queries.Count, publicSearch.Cases);
        Assert.Equal(narratives.Count, narrativeSearch.Cases);
        Assert.InRange(publicSearch.RecallAt5, 0.01, 1.0);
        Assert.InRange(narrativeSearch.RecallAt5, 0.01, 1.0);
        Assert.InRange(publicSearch.Mrr, 0.01, 1.0);
    }

    private static async Task LoadAsync(NpgsqlDataSource data)
    {
        await using (var create = data.CreateCommand(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm; " +
            "CREATE TABLE faq (id text PRIMARY KEY, audience text NOT NULL, body text NOT NULL); "))
        {
            await create.ExecuteNonQueryAsync();
        }

        var codes = CodeListCatalog.LoadEmbedded().Current;
        foreach (var doc in FaqImporter.ReadShipped(codes, FaqCategories.LoadEmbedded()))
        {
            await using var insert = data.CreateCommand("INSERT INTO faq (id, audience, body) VALUES ($1, $2, $3)");
            insert.Parameters.AddWithValue(doc.Id);
            insert.Parameters.AddWithValue(doc.Audience.ToString());
            insert.Parameters.AddWithValue(Normalise(doc.Question + "\n" + doc.Summary + "\n" + FaqSearchIndex.PlainAnswer(doc.Body)));
            await insert.ExecuteNonQueryAsync();
        }

        await using var index = data.CreateCommand("CREATE INDEX faq_body_trgm ON faq USING gin (body gin_trgm_ops); ANALYZE faq;");
        await index.ExecuteNonQueryAsync();
    }

    private static Task<IReadOnlyList<string>> RankAsync(NpgsqlDataSource data, string text, bool publicOnly) =>
        QueryAsync(data, $"SET pg_trgm.word_similarity_threshold = {Threshold}",
            "SELECT id FROM faq WHERE ($2 = false OR audience = 'Public') AND ($1 <% body OR body ILIKE '%' || $1 || '%') " +
            "ORDER BY word_similarity($1, body) DESC, id LIMIT 5", text, publicOnly);

    private static Task<IReadOnlyList<string>> RankNarrativeAsync(NpgsqlDataSource data, string text) =>
        QueryAsync(data, $"SET pg_trgm.similarity_threshold = {NarrativeThreshold}",
            "SELECT id FROM faq WHERE ($2 = false OR audience = 'Public') AND $1 % body ORDER BY similarity($1, body) DESC, id LIMIT 5", text, publicOnly: false);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Constant statements of this test; the text is a parameter.")]
    private static async Task<IReadOnlyList<string>> QueryAsync(NpgsqlDataSource data, string setting, string sql, string text, bool publicOnly)
    {
        await using var connection = await data.OpenConnectionAsync();
        await using (var set = new NpgsqlCommand(setting, connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(Normalise(text));
        command.Parameters.AddWithValue(publicOnly);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    // The same width and case folding the Lucene side gets, so that the comparison is about ranking, not about ｶﾀｶﾅ.
    private static string Normalise(string text) => JapaneseNormalizer.NormalizeText(text, numerals: false).ToLower(CultureInfo.InvariantCulture);
}
