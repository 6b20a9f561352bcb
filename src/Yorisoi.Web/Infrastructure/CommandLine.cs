using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;

namespace Yorisoi.Web.Infrastructure;

/// <summary>
/// Operator commands run through the same host configuration as the server:
/// `migrate` applies migrations (as the owner role of Database:MigrationConnectionString when set) and reference
/// data; `create-admin` creates the first administrator; `reindex` builds this host's case index afresh from the
/// database in a new directory and points the host at it (a running host swaps to it within a poll, answering
/// searches from the old index until then; a stopped one opens it at its next start).
/// </summary>
public static class CommandLine
{
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        switch (args[0])
        {
            case "migrate":
                await initializer.InitializeAsync(app.Services.GetRequiredService<DatabaseOptions>().ShouldSeedDemoData);
                Console.WriteLine("Database is up to date.");
                return 0;
            case "create-admin":
                var email = Option(args, "--email");
                var name = Option(args, "--name") ?? Messages.Get("Admin.DefaultName");
                var password = Environment.GetEnvironmentVariable("YORISOI_ADMIN_PASSWORD") ?? Option(args, "--password");
                if (email is null || password is null)
                {
                    await Console.Error.WriteLineAsync("usage: create-admin --email ADDRESS [--name NAME]  (password from YORISOI_ADMIN_PASSWORD)");
                    return 2;
                }

                await initializer.MigrateAsync();
                await initializer.SeedReferenceDataAsync();
                var result = await initializer.CreateAdministratorAsync(email, name, password);
                if (!result.Succeeded)
                {
                    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
                    return 1;
                }

                Console.WriteLine($"Administrator {email} created. Two-factor sign-in is set up at the first sign-in.");
                return 0;
            case "reindex":
                var indexer = app.Services.GetRequiredService<Yorisoi.Core.Search.CaseIndexer>();
                var count = await indexer.BuildOfflineAsync();
                Console.WriteLine($"Case index rebuilt: {count} cases in {app.Services.GetRequiredService<Yorisoi.Core.Search.CaseIndex>().Root}.");
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: migrate, create-admin, reindex, surveillance.");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
