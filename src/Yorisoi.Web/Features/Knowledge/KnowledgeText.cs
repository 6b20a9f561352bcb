using Yorisoi.Core.Knowledge;
using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Knowledge;

/// <summary>Japanese labels for the knowledge base's states, audiences, actions and fields.</summary>
public static class KnowledgeText
{
    public static string State(FaqVersionState state) => state switch
    {
        FaqVersionState.Draft => UiText.Get("Knowledge.State.Draft"),
        FaqVersionState.InReview => UiText.Get("Knowledge.State.InReview"),
        FaqVersionState.Approved => UiText.Get("Knowledge.State.Approved"),
        FaqVersionState.Published => UiText.Get("Knowledge.State.Published"),
        FaqVersionState.Retired => UiText.Get("Knowledge.State.Retired"),
        _ => UiText.Get("Knowledge.State.Superseded"),
    };

    public static string Audience(FaqAudience audience) =>
        audience == FaqAudience.Public ? UiText.Get("Knowledge.Audience.Public") : UiText.Get("Knowledge.Audience.Internal");

    public static string Action(string action) => action switch
    {
        KnowledgeActions.Edit => UiText.Get("Knowledge.Action.Edit"),
        KnowledgeActions.Submit => UiText.Get("Knowledge.Action.Submit"),
        KnowledgeActions.Return => UiText.Get("Knowledge.Action.Return"),
        KnowledgeActions.Approve => UiText.Get("Knowledge.Action.Approve"),
        KnowledgeActions.Publish => UiText.Get("Knowledge.Action.Publish"),
        KnowledgeActions.Retire => UiText.Get("Knowledge.Action.Retire"),
        _ => UiText.Get("Knowledge.Action.Restore"),
    };

    public static string HistoryAction(string action) => action switch
    {
        FaqHistoryActions.Created => UiText.Get("Knowledge.History.Created"),
        FaqHistoryActions.Edited => UiText.Get("Knowledge.History.Edited"),
        FaqHistoryActions.Submitted => UiText.Get("Knowledge.History.Submitted"),
        FaqHistoryActions.Returned => UiText.Get("Knowledge.History.Returned"),
        FaqHistoryActions.Approved => UiText.Get("Knowledge.History.Approved"),
        FaqHistoryActions.Published => UiText.Get("Knowledge.History.Published"),
        FaqHistoryActions.Superseded => UiText.Get("Knowledge.History.Superseded"),
        FaqHistoryActions.Retired => UiText.Get("Knowledge.History.Retired"),
        FaqHistoryActions.Restored => UiText.Get("Knowledge.History.Restored"),
        _ => UiText.Get("Knowledge.History.Imported"),
    };

    public static string Field(string field) => field switch
    {
        "Audience" => UiText.Get("Knowledge.Field.Audience"),
        "Category" => UiText.Get("Knowledge.Field.Category"),
        "Question" => UiText.Get("Knowledge.Field.Question"),
        "Summary" => UiText.Get("Knowledge.Field.Summary"),
        "Products" => UiText.Get("Knowledge.Field.Products"),
        "Keywords" => UiText.Get("Knowledge.Field.Keywords"),
        "SalesForms" => UiText.Get("Knowledge.Field.SalesForms"),
        "Laws" => UiText.Get("Knowledge.Field.Laws"),
        "Related" => UiText.Get("Knowledge.Field.Related"),
        "ReviewDue" => UiText.Get("Knowledge.Field.ReviewDue"),
        "Id" => UiText.Get("Knowledge.Field.Id"),
        _ => UiText.Get("Knowledge.Field.Answer"),
    };
}
