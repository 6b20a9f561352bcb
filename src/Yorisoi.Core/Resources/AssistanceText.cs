using System.Globalization;
using System.Resources;

namespace Yorisoi.Core.Resources;

/// <summary>
/// Japanese text of the consumer-law rules the counselor sees beside a case (AssistanceRules.resx): titles,
/// conditions, notes and the labels of the facts a rule used. Kept apart from Messages.resx because the legal
/// wording is reviewed as one document when a law or cabinet order changes.
/// </summary>
public static class AssistanceText
{
    private static readonly ResourceManager Manager = new("Yorisoi.Core.Resources.AssistanceRules", typeof(AssistanceText).Assembly);

    public static string Get(string key) => Manager.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string Format(string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key), args);

    /// <summary>2026年11月8日: dates in rule text, written as a counselor reads them aloud.</summary>
    public static string Date(DateOnly date) => Format("Format.Date", date);

    /// <summary>50,000円.</summary>
    public static string Yen(long amount) => Format("Format.Yen", amount);
}
