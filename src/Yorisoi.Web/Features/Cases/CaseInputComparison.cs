using System.Collections;
using System.Globalization;
using System.Reflection;
using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Cases;

/// <summary>One field where the user's unsaved input and the case as another user saved it differ.</summary>
public sealed record FieldDifference(string Path, string Label, string Mine, string Theirs);

/// <summary>
/// Compares the user's input with the case as it now stands, field by field, and takes a single
/// field over from the current case when the user decides the other person's value is right.
/// </summary>
public static class CaseInputComparison
{
    private static readonly string[] Paths = [.. CaseFormModel.FieldOrder.Where(p => p != "KeywordCodes"), "KeywordCodes", "ContractPartyIsConsultant", "ConsentToDiscloseToBusiness", "ConsentToShareWithCenters"];

    public static IReadOnlyList<FieldDifference> Compare(CaseInput mine, CaseInput theirs, CodeListVersion codes, Func<string?, string?> municipalityName, IReadOnlyDictionary<string, string> staffNames)
    {
        var differences = new List<FieldDifference>();
        foreach (var path in Paths)
        {
            if (path.StartsWith("ContractParty.", StringComparison.Ordinal) && mine.ContractPartyIsConsultant && theirs.ContractPartyIsConsultant)
            {
                continue;
            }

            var a = Display(path, Read(mine, path), codes, municipalityName, staffNames);
            var b = Display(path, Read(theirs, path), codes, municipalityName, staffNames);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                differences.Add(new FieldDifference(path, Label(path), a, b));
            }
        }

        return differences;
    }

    /// <summary>Copies one field of the current case into the form, leaving every other field as the user typed it.</summary>
    public static void TakeTheirs(CaseFormModel form, CaseInput theirs, string path)
    {
        var value = Read(theirs, path);
        switch (path)
        {
            case nameof(CaseInput.ReceivedAt):
                form.ReceivedAtLocal = theirs.ReceivedAt is { } at ? CaseText.ToJapanLocal(at) : null;
                return;
            case nameof(CaseInput.AmountBilled):
                form.AmountBilled = Amount(theirs.AmountBilled);
                return;
            case nameof(CaseInput.ContractAmount):
                form.ContractAmount = Amount(theirs.ContractAmount);
                return;
            case nameof(CaseInput.AmountPaid):
                form.AmountPaid = Amount(theirs.AmountPaid);
                return;
            case nameof(CaseInput.AmountRelieved):
                form.AmountRelieved = Amount(theirs.AmountRelieved);
                return;
            case nameof(CaseInput.KeywordCodes):
                form.Input.KeywordCodes = [.. theirs.KeywordCodes];
                return;
        }

        var (target, property) = Locate(form.Input, path);
        property.SetValue(target, value);
    }

    private static string Label(string path) => path switch
    {
        nameof(CaseInput.ContractPartyIsConsultant) => UiText.Get("CaseForm.ContractPartyIsConsultant"),
        nameof(CaseInput.ConsentToDiscloseToBusiness) => UiText.Get("CaseForm.Conflict.ConsentToDiscloseToBusiness"),
        nameof(CaseInput.ConsentToShareWithCenters) => UiText.Get("CaseForm.Conflict.ConsentToShareWithCenters"),
        _ => CaseText.FieldName(path),
    };

    private static object? Read(CaseInput input, string path)
    {
        var (target, property) = Locate(input, path);
        return property.GetValue(target);
    }

    private static (object Target, PropertyInfo Property) Locate(CaseInput input, string path)
    {
        object target = input;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            target = target.GetType().GetProperty(parts[i])!.GetValue(target)!;
        }

        return (target, target.GetType().GetProperty(parts[^1]) ?? throw new ArgumentException($"Unknown field path '{path}'.", nameof(path)));
    }

    private static string Display(string path, object? value, CodeListVersion codes, Func<string?, string?> municipalityName, IReadOnlyDictionary<string, string> staffNames) => value switch
    {
        null => UiText.Get("CaseForm.Conflict.Blank"),
        string s when s.Length == 0 => UiText.Get("CaseForm.Conflict.Blank"),
        string s when path.EndsWith("MunicipalityCode", StringComparison.Ordinal) => municipalityName(s) ?? s,
        string s => CaseText.HistoryValue(path, s, codes, staffNames),
        bool b => b ? UiText.Get("Common.Yes") : UiText.Get("Common.No"),
        long l => CaseText.Yen(l),
        DateOnly d => CaseText.Date(d),
        DateTimeOffset at => CaseText.Time(at),
        Guid g => staffNames.TryGetValue(g.ToString(), out var name) ? name : g.ToString(),
        IEnumerable<string> list => list.Any() ? string.Join(UiText.Get("Common.ListSeparator"), list.Order(StringComparer.Ordinal).Select(c => codes.NameOf(CodeListNames.Keyword, c) ?? c)) : UiText.Get("CaseForm.Conflict.Blank"),
        IEnumerable other => string.Join(UiText.Get("Common.ListSeparator"), other.Cast<object>()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string? Amount(long? value) => value?.ToString("#,0", CultureInfo.InvariantCulture);
}
