using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Yorisoi.Text.Analysis;

/// <summary>
/// Compiles the <see cref="UserTermList"/> into a MeCab user dictionary with mecab-dict-index (Debian mecab-utils)
/// against IPADIC's sources (Debian mecab-ipadic, which mecab-ipadic-utf8 depends on). The result is cached by the
/// hash of the list, so it is built once per list and machine (about 30 ms); null when the tools are not there.
/// </summary>
public static class UserDictionaryCompiler
{
    private static readonly string[] ToolCandidates =
    [
        "/usr/lib/mecab/mecab-dict-index",
        "/usr/libexec/mecab/mecab-dict-index",
        "/usr/lib/x86_64-linux-gnu/mecab/mecab-dict-index",
        "/usr/local/libexec/mecab/mecab-dict-index",
    ];

    private static readonly string[] SourceCandidates = ["/usr/share/mecab/dic/ipadic", "/usr/local/share/mecab/dic/ipadic"];

    public static string? FindTool() => ToolCandidates.FirstOrDefault(File.Exists);

    public static string? FindSources() => SourceCandidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "left-id.def")));

    /// <summary>The compiled dictionary's path, or null (with the reason) when it cannot be built here.</summary>
    public static string? TryCompile(UserTermList terms, string? cacheDirectory, out string? problem)
    {
        problem = null;
        if (terms.Count == 0)
        {
            return null;
        }

        var tool = FindTool();
        var sources = FindSources();
        if (tool is null || sources is null)
        {
            problem = tool is null ? "mecab-dict-index was not found (apt-get install mecab-utils)." : "IPADIC sources were not found (apt-get install mecab-ipadic).";
            return null;
        }

        var csv = terms.ToMeCabCsv();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)))[..16];
        var directory = cacheDirectory ?? DefaultCacheDirectory();
        var target = Path.Combine(directory, $"yorisoi-userdic-{hash}.dic");
        if (File.Exists(target))
        {
            return target;
        }

        try
        {
            Directory.CreateDirectory(directory);
            var unique = Guid.NewGuid().ToString("N");
            var csvPath = Path.Combine(directory, $"userdic-{unique}.csv");
            var output = Path.Combine(directory, $"userdic-{unique}.dic");
            File.WriteAllText(csvPath, csv, new UTF8Encoding(false));
            try
            {
                var start = new ProcessStartInfo(tool)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var argument in new[] { "-d", sources, "-u", output, "-f", "utf-8", "-t", "utf-8", csvPath })
                {
                    start.ArgumentList.Add(argument);
                }

                using var process = Process.Start(start) ?? throw new InvalidOperationException("mecab-dict-index did not start.");
                var stderr = process.StandardError.ReadToEndAsync();
                _ = process.StandardOutput.ReadToEnd();
                if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
                {
                    process.Kill();
                    problem = "mecab-dict-index did not finish within a minute.";
                    return null;
                }

                if (process.ExitCode != 0 || !File.Exists(output))
                {
                    problem = $"mecab-dict-index failed ({process.ExitCode}): {stderr.Result}";
                    return null;
                }

                // Another process may have finished first; either file is the same dictionary.
                File.Move(output, target, overwrite: true);
                return target;
            }
            finally
            {
                File.Delete(csvPath);
                if (File.Exists(output))
                {
                    File.Delete(output);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            problem = "The user dictionary could not be compiled: " + e.Message;
            return null;
        }
    }

    private static string DefaultCacheDirectory()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(local) ? Path.Combine(Path.GetTempPath(), "yorisoi", "mecab") : Path.Combine(local, "yorisoi", "mecab");
    }
}
