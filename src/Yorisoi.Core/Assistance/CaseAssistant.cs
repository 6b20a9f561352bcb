using Yorisoi.Core.Assistance.Checklists;
using Yorisoi.Core.Assistance.Classification;
using Yorisoi.Core.Assistance.Rules;
using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Knowledge;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Core.Assistance;

/// <param name="Product">商品・役務分類 (level 2) candidates, best first.</param>
/// <param name="SalesForm">販売購入形態 candidates.</param>
/// <param name="Keywords">内容キーワード candidates (a case usually has several).</param>
/// <param name="Result">処理結果 candidates, from the words of the narrative and handling log (often none while the case is open).</param>
/// <param name="Checklists">What to ask, for the case as classified (or as the first candidates classify it).</param>
/// <param name="Rules">The rules of consumer law that may apply, with their deadlines counted to today (Japan time).</param>
/// <param name="CodeListVersion">The code-list version the codes belong to.</param>
/// <param name="ChecklistVersion">The version of the checklist data.</param>
/// <param name="ModelVersion">The trained model blended into the candidates, or null when they come from what the project ships alone.</param>
public sealed record AssistSuggestionResult(
    IReadOnlyList<CodeCandidate> Product,
    IReadOnlyList<CodeCandidate> SalesForm,
    IReadOnlyList<CodeCandidate> Keywords,
    IReadOnlyList<CodeCandidate> Result,
    IReadOnlyList<ChecklistSuggestion> Checklists,
    IReadOnlyList<RuleSuggestion> Rules,
    string CodeListVersion,
    string ChecklistVersion,
    string? ModelVersion);

/// <summary>
/// Help for the case form while the counselor types: classification candidates beside the fields, and the questions to
/// ask for the kind of case. The counselor always decides: nothing here changes the case.
/// </summary>
public sealed class CaseAssistant(
    FaqIndexKeeper keeper, FaqSearchService faq, ShippedCodeClassifier classifier, CaseCodeModelStore models, IMorphologicalAnalyzer analyzer, ChecklistLibrary checklists, TimeProvider clock)
{
    public const int Limit = 5;

    /// <summary>The longest narrative accepted, as for the case record itself.</summary>
    public const int MaxTextLength = CaseLimits.SummaryLength;

    /// <summary>Candidates each tier offers to the blend.</summary>
    private const int BlendPool = 10;

    /// <summary>How many FAQ entries lend their codes: the first few only, as further ones are about other troubles.</summary>
    private const int FaqEntries = 10;

    /// <summary>Keyword candidates taken as the case's keywords for the checklists while the counselor has classified nothing.</summary>
    private const int AssumedKeywords = 2;

    public async Task<AssistSuggestionResult> SuggestAsync(string? text, AssistCaseFields? fields, CancellationToken ct = default)
    {
        fields ??= AssistCaseFields.Empty;
        var model = models.Current;
        var codes = await ClassifyAsync(text, model, ct);
        var today = DateOnly.FromDateTime(FiscalYear.ToJapanTime(clock.GetUtcNow()).DateTime);
        var catalog = await checklists.CurrentAsync(ct);
        return new AssistSuggestionResult(codes.Product, codes.SalesForm, codes.Keywords, codes.Result,
            ChecklistsFor(catalog, fields, codes), ApplicableRules.Evaluate(FactsOf(fields, text, today)), classifier.CodeListVersion, catalog.Version, model?.Version);
    }

    /// <summary>
    /// The facts the rules read, from the fields as the counselor typed them: unlike the checklists, the rules never
    /// stand on a suggested code, as a deadline computed for a sales form nobody chose would mislead.
    /// </summary>
    public static CaseFacts FactsOf(AssistCaseFields fields, string? text, DateOnly today) => new()
    {
        Today = today,
        SalesFormCode = Blank(fields.SalesForm) ? null : fields.SalesForm,
        ProductCode = Blank(fields.Product) ? null : fields.Product,
        KeywordCodes = (fields.Keywords ?? []).ToHashSet(StringComparer.Ordinal),
        ContractDate = fields.ContractDate,
        DocumentReceivedDate = fields.DocumentReceivedDate,
        ContractAmount = fields.ContractAmount ?? fields.AmountBilled,
        AmountPaid = fields.AmountPaid,
        PaymentMethodCode = Blank(fields.PaymentMethod) ? null : fields.PaymentMethod,
        AgeBandCode = Blank(fields.AgeBand) ? null : fields.AgeBand,
        Narrative = text ?? "",
    };

    /// <summary>The classification candidates for a narrative (the case form asks again only when the narrative changes).</summary>
    public Task<CodeSuggestions> ClassifyAsync(string? text, CancellationToken ct = default) => ClassifyAsync(text, models.Current, ct);

    /// <summary>
    /// The shipped tier's candidates, blended with the trained model's where there is one. Each tier offers more
    /// candidates than are shown, so a code the other tier ranks high can still come through the blend.
    /// </summary>
    private async Task<CodeSuggestions> ClassifyAsync(string? text, CaseCodeModel? model, CancellationToken ct)
    {
        IReadOnlyList<FaqIndexHit> hits = [];
        if (!string.IsNullOrWhiteSpace(text))
        {
            var index = await keeper.CurrentAsync(ct);
            hits = index.Suggest(text, faq.Visibility, FaqEntries, marks: false);
        }

        if (model is null)
        {
            return classifier.Suggest(text, hits, Limit);
        }

        var shipped = classifier.Suggest(text, hits, BlendPool);
        var words = CaseCodeModel.Words(analyzer, text);
        IReadOnlyList<CodeCandidate> Blend(string field, IReadOnlyList<CodeCandidate> candidates) => CodeBlend.Blend(
            candidates,
            CodeBlend.Flatten(model.Rank(field, words, BlendPool)),
            CodeBlend.WeightFor(model.CasesWith(field)),
            code => classifier.LeafName(field, code),
            Limit);
        return new CodeSuggestions(
            Blend(CodeListNames.Product, shipped.Product),
            Blend(CodeListNames.SalesForm, shipped.SalesForm),
            Blend(CodeListNames.Keyword, shipped.Keywords),
            Blend(CodeListNames.Result, shipped.Result));
    }

    /// <summary>
    /// The checklists for the case as classified; where the counselor has not chosen a product or sales form yet, the
    /// first candidates stand in (the form asks again as each field is filled, without reading the narrative again).
    /// </summary>
    public static IReadOnlyList<ChecklistSuggestion> ChecklistsFor(ChecklistCatalog catalog, AssistCaseFields fields, CodeSuggestions codes)
    {
        var classified = fields with
        {
            Product = Blank(fields.Product) ? FirstCode(codes.Product) : fields.Product,
            SalesForm = Blank(fields.SalesForm) ? FirstCode(codes.SalesForm) : fields.SalesForm,
            // Once the counselor has classified the case, their choice decides: a keyword only suggested must not bring
            // back the checklist of a sales form they ruled out.
            Keywords = fields.Keywords is { Count: > 0 } || !Blank(fields.SalesForm) || !Blank(fields.Product)
                ? fields.Keywords
                : [.. codes.Keywords.Take(AssumedKeywords).Select(k => k.Code)],
        };
        return catalog.For(classified);
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string? FirstCode(IReadOnlyList<CodeCandidate> candidates) => candidates.Count > 0 ? candidates[0].Code : null;
}
