namespace Yorisoi.Web.Features.Cases;

/// <summary>One choice in a picker: the stored value, what people read, and where it sits (大分類 > 中分類).</summary>
public sealed record PickOption(string Value, string Label, string? Detail = null);
