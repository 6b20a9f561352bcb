using System.Globalization;
using System.Resources;

namespace Yorisoi.Web.Resources;

/// <summary>
/// User-facing Japanese text of the web screens, from UiText.resx. Keys are grouped by screen or component
/// ("CaseList.Title", "CaseForm.Section.Receipt"); text shared by several screens is under "Common." or "Case.".
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Manager = new("Yorisoi.Web.Resources.UiText", typeof(UiText).Assembly);

    public static string Get(string key) => Manager.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key), args);
}
