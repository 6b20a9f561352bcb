using System.Globalization;
using System.Text.RegularExpressions;
using Yorisoi.Core.Assistance.Checklists;
using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Assistance;

/// <summary>Japanese labels for the checklist editor: version states, the case fields an item answers from, and where an error is.</summary>
public static partial class ChecklistText
{
    public static string State(ChecklistVersionState state) =>
        state == ChecklistVersionState.Published ? UiText.Get("Checklists.State.Published") : UiText.Get("Checklists.State.Draft");

    public static string Change(ChecklistChangeKind kind) => kind switch
    {
        ChecklistChangeKind.Added => UiText.Get("Checklists.Change.Added"),
        ChecklistChangeKind.Removed => UiText.Get("Checklists.Change.Removed"),
        _ => UiText.Get("Checklists.Change.Changed"),
    };

    /// <summary>The case form's name for a field an item may answer from (<see cref="ChecklistCatalog.KnownFields"/>).</summary>
    public static string Field(string field) => field switch
    {
        "contractDate" => UiText.Get("Checklists.CaseField.ContractDate"),
        "documentReceivedDate" => UiText.Get("Checklists.CaseField.DocumentReceivedDate"),
        "contractAmount" => UiText.Get("Checklists.CaseField.ContractAmount"),
        "amountBilled" => UiText.Get("Checklists.CaseField.AmountBilled"),
        "amountPaid" => UiText.Get("Checklists.CaseField.AmountPaid"),
        "paymentMethod" => UiText.Get("Checklists.CaseField.PaymentMethod"),
        "businessName" => UiText.Get("Checklists.CaseField.BusinessName"),
        "businessContact" => UiText.Get("Checklists.CaseField.BusinessContact"),
        "harm" => UiText.Get("Checklists.CaseField.Harm"),
        "ageBand" => UiText.Get("Checklists.CaseField.AgeBand"),
        "product" => UiText.Get("Checklists.CaseField.Product"),
        "salesForm" => UiText.Get("Checklists.CaseField.SalesForm"),
        _ => field,
    };

    /// <summary>The fields in the order the case form shows them.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "contractDate", "documentReceivedDate", "contractAmount", "amountBilled", "amountPaid", "paymentMethod", "businessName", "businessContact",
        "product", "salesForm", "ageBand", "harm",
    ];

    public static string Condition(string property) => property switch
    {
        nameof(ChecklistInput.SalesForms) => UiText.Get("Checklists.Condition.SalesForms"),
        nameof(ChecklistInput.Products) => UiText.Get("Checklists.Condition.Products"),
        nameof(ChecklistInput.Keywords) => UiText.Get("Checklists.Condition.Keywords"),
        nameof(ChecklistInput.AgeBands) => UiText.Get("Checklists.Condition.AgeBands"),
        _ => UiText.Get("Checklists.Condition.Harms"),
    };

    /// <summary>Why a checklist applies in the preview ("salesForm:S2" → 販売購入形態 S2).</summary>
    public static string Reason(string reason)
    {
        var parts = reason.Split(':', 2);
        return parts[0] switch
        {
            "always" => UiText.Get("Checklists.Reason.Always"),
            "salesForm" => UiText.Format("Checklists.Reason.Code", UiText.Get("Checklists.Condition.SalesForms"), parts[1]),
            "product" => UiText.Format("Checklists.Reason.Code", UiText.Get("Checklists.Condition.Products"), parts[1]),
            "keyword" => UiText.Format("Checklists.Reason.Code", UiText.Get("Checklists.Condition.Keywords"), parts[1]),
            "ageBand" => UiText.Format("Checklists.Reason.Code", UiText.Get("Checklists.Condition.AgeBands"), parts[1]),
            _ => UiText.Format("Checklists.Reason.Code", UiText.Get("Checklists.Condition.Harms"), parts.Length > 1 ? parts[1] : reason),
        };
    }

    /// <summary>
    /// Where an error is, in words: "Document.Checklists[2].Items[0].Text" → 「チェックリスト3『訪問販売』 項目1 質問の文」,
    /// so that the summary at the top of the form says what to fix without the reader knowing the document's paths.
    /// </summary>
    public static string Where(string key, ChecklistDocument document)
    {
        var m = ErrorPath().Match(key);
        if (!m.Success)
        {
            return key switch
            {
                "Document.Version" => UiText.Get("Checklists.Form.Label"),
                "Note" => UiText.Get("Checklists.Form.Note"),
                "PublishNote" => UiText.Get("Checklists.Publish.Note"),
                _ => UiText.Get("Checklists.Form.Whole"),
            };
        }

        var index = int.Parse(m.Groups["c"].Value, CultureInfo.InvariantCulture);
        var title = document.Checklists is { } lists && index < lists.Count && lists[index]?.Title is { Length: > 0 } t ? t : "";
        var where = UiText.Format("Checklists.Form.Numbered", index + 1, title);
        if (m.Groups["i"].Success)
        {
            where += " " + UiText.Format("Checklists.Form.ItemNumbered", int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture) + 1);
        }

        var part = m.Groups["p"].Value;
        var name = (m.Groups["i"].Success, part) switch
        {
            (true, "Id") => UiText.Get("Checklists.Form.ItemId"),
            (true, "Text") => UiText.Get("Checklists.Form.ItemText"),
            (true, _) => UiText.Get("Checklists.Form.ItemField"),
            (false, "Id") => UiText.Get("Checklists.Form.Id"),
            (false, "Title") => UiText.Get("Checklists.Form.Title"),
            (false, "Always") => UiText.Get("Checklists.Form.Conditions"),
            (false, "Items") => UiText.Get("Checklists.Form.Items"),
            (false, nameof(ChecklistInput.SalesForms) or nameof(ChecklistInput.Products) or nameof(ChecklistInput.Keywords) or nameof(ChecklistInput.AgeBands) or nameof(ChecklistInput.Harms)) => Condition(part),
            _ => "",
        };
        return name.Length > 0 ? where + " " + name : where;
    }

    [GeneratedRegex(@"^Document\.Checklists\[(?<c>\d{1,4})\]\.(?:Items\[(?<i>\d{1,4})\]\.)?(?<p>\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPath();
}
