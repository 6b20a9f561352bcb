using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Knowledge;

/// <summary>Validation messages of the portal's FAQ forms, as static properties because DataAnnotations attributes look them up by name.</summary>
public static class FaqPortalValidationText
{
    public static string HelpfulRequired => UiText.Get("Faq.Feedback.Required");
}
