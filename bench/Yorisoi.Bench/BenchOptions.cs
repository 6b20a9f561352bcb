using System.Globalization;

namespace Yorisoi.Bench;

/// <summary>Command line of the benchmark.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Yorisoi.Bench -- [all|search|train|load|sample|generate|analysis|suggest|similar] [options]
          all                 start PostgreSQL, migrate, bulk-load, start the host, measure, report (default)
          search              load as `all` does, then the search targets: reindex, Lucene vs pg_trgm, search and
                              suggestions through the host (report in search.md)
          train               load as `all` does, then train the classification model from the approved cases as the
                              host does (report in train.md)
          load                only start PostgreSQL, migrate and bulk-load (for tuning the load)
          sample              print a few generated cases as JSON (plaintext) and exit
          generate            generate --cases cases without storing them and report the generator's speed
          analysis            the case index's analysis and indexing speed on generated cases (at most 20,000), no database
          suggest             the FAQ part of narrative suggestions on generated narratives (--suggestions N), no database
          similar             the similar-case query on an index of --cases generated cases (kept in --results for the next run), no database
          --cases N           cases to load (default 1000000; 100000 for a quick run)
          --years N           fiscal years of history, the current one included (default 3)
          --connection CS     use this PostgreSQL database (empty, superuser for the load) instead of a throwaway cluster
          --lists N           measured list requests (default 1000)
          --opens N           measured case opens (default 1000)
          --warmup N          warm-up list requests and opens (default 500)
          --clients N         concurrent clients for the second round; 0 skips it (default 4)
          --searches N        measured Lucene searches and HTTP searches (default 1000)
          --trigram-searches N  measured pg_trgm searches of each kind (default 100)
          --suggestions N     measured suggestion requests (default 300)
          --seed N            generator seed (default 20260401)
          --host-dll PATH     the web host to run (default src/Yorisoi.Web/bin/Release/net10.0/Yorisoi.Web.dll)
          --no-build-host     do not build the host first
          --keep              leave the throwaway PostgreSQL running afterwards (for EXPLAIN ANALYZE)
          --host-env K=V      extra environment variable for the host (repeatable), e.g. DOTNET_gcServer=0
          --results DIR       where latest.md and host.log go (default bench/results)
        Exit code 0 when every target is met, 1 when one is missed, 2 on bad arguments.
        """;

    public string Command { get; private set; } = "all";

    public int Cases { get; private set; } = 1_000_000;

    public int Years { get; private set; } = 3;

    public string? Connection { get; private set; }

    public int Lists { get; private set; } = 1000;

    public int Opens { get; private set; } = 1000;

    public int Warmup { get; private set; } = 500;

    public int Clients { get; private set; } = 4;

    public int Seed { get; private set; } = 20260401;

    public int Searches { get; private set; } = 1000;

    public int TrigramSearches { get; private set; } = 100;

    public int Suggestions { get; private set; } = 300;

    public bool NoBuildHost { get; private set; }

    public bool KeepCluster { get; private set; }

    public bool Help { get; private set; }

    public string RepositoryRoot { get; private set; } = FindRepositoryRoot();

    public string HostDll { get; private set; } = "";

    public string ResultsDirectory { get; private set; } = "";

    public Dictionary<string, string> HostEnvironment { get; } = new(StringComparer.Ordinal);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{args[i]} needs a non-negative number.");
            switch (args[i])
            {
                case "all" or "search" or "train" or "load" or "sample" or "generate" or "analysis" or "suggest" or "similar": o.Command = args[i]; break;
                case "--searches": o.Searches = Math.Max(1, Number()); break;
                case "--trigram-searches": o.TrigramSearches = Math.Max(1, Number()); break;
                case "--suggestions": o.Suggestions = Math.Max(1, Number()); break;
                case "--cases": o.Cases = Math.Max(1, Number()); break;
                case "--years": o.Years = Math.Max(1, Number()); break;
                case "--connection": o.Connection = Value(); break;
                case "--lists": o.Lists = Number(); break;
                case "--opens": o.Opens = Number(); break;
                case "--warmup": o.Warmup = Number(); break;
                case "--clients": o.Clients = Number(); break;
                case "--seed": o.Seed = Number(); break;
                case "--host-dll": o.HostDll = Path.GetFullPath(Value()); break;
                case "--no-build-host": o.NoBuildHost = true; break;
                case "--keep": o.KeepCluster = true; break;
                case "--results": o.ResultsDirectory = Path.GetFullPath(Value()); break;
                case "--host-env":
                    var pair = Value().Split('=', 2);
                    o.HostEnvironment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException("--host-env needs KEY=VALUE.");
                    break;
                case "-h" or "--help": o.Help = true; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (o.HostDll.Length == 0)
        {
            o.HostDll = Path.Combine(o.RepositoryRoot, "src", "Yorisoi.Web", "bin", "Release", "net10.0", "Yorisoi.Web.dll");
        }

        if (o.ResultsDirectory.Length == 0)
        {
            o.ResultsDirectory = Path.Combine(o.RepositoryRoot, "bench", "results");
        }

        return o;
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Yorisoi.slnx")))
                {
                    return d.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
