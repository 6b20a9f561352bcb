using System.Text.RegularExpressions;
using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Resources;
using Yorisoi.Text;

namespace Yorisoi.Core.Knowledge;

/// <summary>What an editor sends to create or edit an entry. Lists replace the previous ones whole.</summary>
public sealed class FaqInput
{
    /// <summary>The slug; only read when the entry is created.</summary>
    public string? Id { get; set; }

    public FaqAudience? Audience { get; set; }

    public string? Category { get; set; }

    public string? Question { get; set; }

    public string? Summary { get; set; }

    public string? Answer { get; set; }

    public string[]? Products { get; set; }

    public string[]? Keywords { get; set; }

    public string[]? SalesForms { get; set; }

    public string[]? Laws { get; set; }

    public string[]? Related { get; set; }

    public DateOnly? ReviewDue { get; set; }
}

/// <summary>Checks entry content, for the editors' form and for the shipped files alike.</summary>
public static partial class FaqRules
{
    public const int QuestionMaxLength = 300;
    public const int SummaryMaxLength = 500;
    public const int AnswerMaxLength = 20_000;
    public const int CommentMaxLength = 500;
    public const int ListMaxItems = 30;
    public const int LawMaxLength = 200;

    public static bool IsValidId(string? id) => id is { Length: > 0 and <= FaqEntry.IdMaxLength } && Slug().IsMatch(id);

    /// <summary>Cleans the text fields in place and reports what cannot be accepted, per field.</summary>
    public static ValidationErrors Validate(FaqInput input, CodeListVersion codes, FaqCategories categories, bool creating)
    {
        var errors = new ValidationErrors();
        if (creating && !IsValidId(input.Id))
        {
            errors.Add("Id", Messages.Get("Faq.InvalidId"));
        }

        input.Question = Clean(input.Question);
        input.Summary = Clean(input.Summary);
        input.Answer = input.Answer is null ? null : JapaneseNormalizer.StripControlCharacters(input.Answer).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (input.Audience is not { } audience || !Enum.IsDefined(audience))
        {
            errors.Add("Audience", Messages.Get("Faq.InvalidAudience"));
        }

        if (categories.Find(input.Category) is null)
        {
            errors.Add("Category", Messages.Get("Faq.UnknownCategory"));
        }

        if (string.IsNullOrEmpty(input.Question) || input.Question.Length > QuestionMaxLength)
        {
            errors.Add("Question", Messages.Format("Faq.QuestionLength", QuestionMaxLength));
        }

        if (input.Summary is { Length: > SummaryMaxLength })
        {
            errors.Add("Summary", Messages.Format("Faq.SummaryLength", SummaryMaxLength));
        }

        if (string.IsNullOrEmpty(input.Answer) || input.Answer.Length > AnswerMaxLength)
        {
            errors.Add("Answer", Messages.Format("Faq.AnswerLength", AnswerMaxLength));
        }

        input.Products = CheckCodes(input.Products, "Products", CodeListNames.Product, codes, errors);
        input.Keywords = CheckCodes(input.Keywords, "Keywords", CodeListNames.Keyword, codes, errors);
        input.SalesForms = CheckCodes(input.SalesForms, "SalesForms", CodeListNames.SalesForm, codes, errors);
        input.Laws = CleanList(input.Laws);
        if (input.Laws.Length > ListMaxItems || input.Laws.Any(l => l.Length > LawMaxLength))
        {
            errors.Add("Laws", Messages.Format("Faq.LawsInvalid", ListMaxItems, LawMaxLength));
        }

        input.Related = CleanList(input.Related);
        if (input.Related.Length > ListMaxItems || input.Related.Any(r => !IsValidId(r)) || input.Related.Contains(input.Id, StringComparer.Ordinal))
        {
            errors.Add("Related", Messages.Get("Faq.RelatedInvalid"));
        }

        return errors;
    }

    private static string[] CheckCodes(string[]? values, string field, string list, CodeListVersion codes, ValidationErrors errors)
    {
        var cleaned = CleanList(values);
        var unknown = cleaned.Where(c => !codes.IsValid(list, c)).ToList();
        if (unknown.Count > 0 || cleaned.Length > ListMaxItems)
        {
            errors.Add(field, Messages.Format("Faq.UnknownCodes", string.Join(", ", unknown)));
        }

        return cleaned;
    }

    private static string? Clean(string? value) => value is null ? null : JapaneseNormalizer.StripControlCharacters(value).Trim();

    private static string[] CleanList(string[]? values) =>
        (values ?? []).Select(v => Clean(v) ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
