using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Yorisoi.Tests.Unit.Resources;

/// <summary>
/// A key missing from UiText.resx would put the key itself on screen instead of Japanese text, so the web
/// project's sources are read as text and every UiText.Get/Format key is checked against the resource file.
/// </summary>
public sealed partial class UiTextResourceTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "Yorisoi.Web");

    private static readonly IReadOnlyDictionary<string, string> Resources = XDocument.Load(Path.Combine(WebProject, "Resources", "UiText.resx"))
        .Root!.Elements("data")
        .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static readonly List<KeyUse> Uses = FindUses();

    [Fact]
    public void EveryKeyTheWebProjectUsesExistsInTheResourceFile()
    {
        var missing = Uses.Where(u => !Resources.ContainsKey(u.Key)).Select(u => $"{u.Where}: {u.Key}").ToList();

        Assert.True(Uses.Count > 0, $"No use of UiText found under {WebProject}.");
        Assert.Empty(missing);
    }

    [Fact]
    public void UiTextIsOnlyCalledWithALiteralKey()
    {
        // A computed key would escape the check above.
        var computed = SourceFiles()
            .SelectMany(file => ComputedKeyCall().Matches(File.ReadAllText(file)).Select(m => $"{Where(file, File.ReadAllText(file), m.Index)}: {m.Value}"))
            .ToList();

        Assert.Empty(computed);
    }

    [Fact]
    public void EveryResourceIsUsed()
    {
        var used = Uses.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(Resources.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PlaceholdersMatchTheCallThatFillsThem()
    {
        // Get would show "{0}" on screen; Format on text without a placeholder drops the value.
        var wrong = Uses
            .Where(u => Resources.TryGetValue(u.Key, out var text) && Placeholder().IsMatch(text) != u.IsFormat)
            .Select(u => $"{u.Where}: UiText.{(u.IsFormat ? "Format" : "Get")}(\"{u.Key}\") on \"{Resources[u.Key]}\"")
            .ToList();

        Assert.Empty(wrong);
    }

    private sealed record KeyUse(string Key, bool IsFormat, string Where);

    private static List<KeyUse> FindUses()
    {
        var uses = new List<KeyUse>();
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (Match m in KeyCall().Matches(text))
            {
                uses.Add(new KeyUse(m.Groups["key"].Value, m.Groups["method"].Value == "Format", Where(file, text, m.Index)));
            }
        }

        return uses;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Where(string file, string text, int index) =>
        $"{Path.GetRelativePath(WebProject, file)}:{text.AsSpan(0, index).Count('\n') + 1}";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Yorisoi.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"Yorisoi.slnx was not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("""UiText\.(?<method>Get|Format)\(\s*"(?<key>[^"]+)"\s*[,)]""")]
    private static partial Regex KeyCall();

    [GeneratedRegex("""UiText\.(Get|Format)\((?!\s*"[^"]+"\s*[,)])[^)\n]*""")]
    private static partial Regex ComputedKeyCall();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
