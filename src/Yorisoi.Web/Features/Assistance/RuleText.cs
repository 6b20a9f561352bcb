using Yorisoi.Core.Assistance.Rules;
using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Assistance;

/// <summary>How a rule's status and its days left read on the form's rules panel and the hand-over page alike.</summary>
public static class RuleText
{
    public static string Status(RuleStatus status) => status switch
    {
        RuleStatus.Applies => UiText.Get("Rules.Status.Applies"),
        RuleStatus.MayApply => UiText.Get("Rules.Status.MayApply"),
        RuleStatus.PeriodNotStarted => UiText.Get("Rules.Status.PeriodNotStarted"),
        RuleStatus.Expired => UiText.Get("Rules.Status.Expired"),
        _ => UiText.Get("Rules.Status.Excluded"),
    };

    public static string DaysLeft(int? days) => days switch
    {
        null => "",
        < 0 => UiText.Get("Case.CoolingOff.Past"),
        0 => UiText.Get("Case.CoolingOff.Today"),
        _ => UiText.Format("Case.CoolingOff.DaysLeft", days),
    };
}
