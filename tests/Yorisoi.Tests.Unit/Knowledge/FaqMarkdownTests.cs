using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Yorisoi.Core.Knowledge;

namespace Yorisoi.Tests.Unit.Knowledge;

public sealed class FaqMarkdownTests
{
    public static TheoryData<string> Hostile => new()
    {
        "<script>alert(1)</script>本文",
        "<img src=x onerror=alert(1)>",
        "[押してください](javascript:alert(1))",
        "<a href=\"https://example.jp\" onclick=\"alert(1)\">リンク</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x](JaVaScRiPt:alert(1))",
        "<svg><script>alert(1)</script></svg>",
        "![画像](javascript:alert(1))",
        "[データ](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<form action=\"https://evil.example\"><input name=q></form>",
    };

    [Fact]
    public void RendersHeadingsListsEmphasisAndTables()
    {
        var html = FaqMarkdown.ToHtml("## 今すぐやること\n- **8日以内**なら解約できます\n\n| 項目 | 内容 |\n|---|---|\n| 期限 | 8日 |");

        Assert.Contains("<h2>今すぐやること</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>8日以内</strong>なら解約できます</li>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileMarkdownRendersToNothingExecutable(string markdown) => AssertHarmless(FaqMarkdown.ToHtml(markdown));

    [Theory]
    [MemberData(nameof(Hostile))]
    public void TheSanitiserAloneStripsHostileHtml(string html)
    {
        var clean = FaqMarkdown.Sanitize(html);

        AssertHarmless(clean);
        Assert.DoesNotContain("<script", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", clean, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RawHtmlIsShownAsTextNotMarkup()
    {
        var html = FaqMarkdown.ToHtml("<b onmouseover=\"x()\">太字</b>");

        Assert.DoesNotContain("<b", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksKeepTheirTargetAndGetNoopener()
    {
        var html = FaqMarkdown.ToHtml("[消費者庁](https://www.caa.go.jp/) と https://www.kokusen.go.jp/");

        var links = Parse(html).QuerySelectorAll("a").ToList();
        Assert.Equal(["https://www.caa.go.jp/", "https://www.kokusen.go.jp/"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("noopener noreferrer", a.GetAttribute("rel")));
    }

    [Fact]
    public void EmptyAnswerRendersNothing() => Assert.Equal("", FaqMarkdown.ToHtml("  "));

    private static void AssertHarmless(string html)
    {
        var document = Parse(html);
        var elements = document.QuerySelectorAll("*").ToList();
        string[] forbidden = ["script", "iframe", "img", "svg", "form", "input", "style", "object", "embed"];
        Assert.DoesNotContain(elements, e => forbidden.Contains(e.LocalName));
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style"));
        Assert.DoesNotContain(
            elements.Select(e => e.GetAttribute("href")).OfType<string>(),
            href => !href.StartsWith("http://", StringComparison.Ordinal) && !href.StartsWith("https://", StringComparison.Ordinal)
                    && !href.StartsWith("mailto:", StringComparison.Ordinal) && !href.StartsWith("tel:", StringComparison.Ordinal));
    }

    private static IElement Parse(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
}
