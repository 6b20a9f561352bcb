using Ganss.Xss;
using Markdig;

namespace Yorisoi.Core.Knowledge;

/// <summary>
/// Turns an answer's Markdown into HTML that is safe to put on a page: raw HTML in the Markdown is not passed
/// through, and the result is sanitised anyway (no scripts, styles, event handlers or javascript: links) because
/// entries are written by many people. Links open nothing with access to the opener.
/// </summary>
public static class FaqMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        return Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }

    /// <summary>The second line of defence on its own: whatever HTML comes in, only the allowed tags and attributes go out.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(
                ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "del", "code", "pre", "blockquote",
                 "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td"],
                StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "rel", "align"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "tel"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
