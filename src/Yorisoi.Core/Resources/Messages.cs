using System.Globalization;
using System.Resources;

namespace Yorisoi.Core.Resources;

/// <summary>User-facing Japanese text for rules in Core (validation, statuses, history), from Messages.resx.</summary>
public static class Messages
{
    private static readonly ResourceManager Manager = new("Yorisoi.Core.Resources.Messages", typeof(Messages).Assembly);

    public static string Get(string key) => Manager.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string Format(string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key), args);

    public static string Field(string path) => Get("Field." + path);

    public static string Error(string key, string fieldPath, params object[] more) =>
        Format("Error." + key, [Field(fieldPath), .. more]);

    public static string Status(Cases.CaseStatus status) => Get("Status." + status);

    public static string Action(Cases.CaseAction action) => Get("Action." + action);
}
