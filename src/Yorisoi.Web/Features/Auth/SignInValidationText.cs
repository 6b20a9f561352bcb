using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Auth;

/// <summary>Validation messages of the sign-in forms, as static properties because DataAnnotations attributes look them up by name.</summary>
public static class SignInValidationText
{
    public static string EmailRequired => UiText.Get("Login.Validation.EmailRequired");

    public static string EmailInvalid => UiText.Get("Login.Validation.EmailInvalid");

    public static string PasswordRequired => UiText.Get("Login.Validation.PasswordRequired");

    public static string NewPasswordRequired => UiText.Get("ChangePassword.Validation.NewRequired");

    public static string PasswordsDiffer => UiText.Get("ChangePassword.Validation.Differ");

    public static string CodeRequired => UiText.Get("Auth.Validation.CodeRequired");

    public static string CodeFormat => UiText.Get("Auth.Validation.CodeFormat");
}
