using System.Globalization;
using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Resources;
using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Cases;

/// <summary>How the case screens show dates, money, field names and code values.</summary>
public static class CaseText
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>Fields the history records that have no input on the form, so no validation name either.</summary>
    private static readonly Dictionary<string, string> HistoryOnlyFields = new(StringComparer.Ordinal)
    {
        ["Status"] = UiText.Get("Case.Status"),
        ["Keywords"] = Messages.Field("KeywordCodes"),
        ["MediationOutcome"] = Messages.Field("Outcome"),
        ["ReturnComment"] = UiText.Get("Case.ReturnComment"),
        ["Shares"] = Messages.Field("CenterId"),
        ["FiscalYear"] = UiText.Get("Case.FiscalYear"),
        ["ReceiptNumber"] = UiText.Get("Case.ReceiptNumber"),
        ["ReceiptSequence"] = UiText.Get("Case.ReceiptSequence"),
    };

    private static readonly Dictionary<string, string> CodeFieldLists = new(StringComparer.Ordinal)
    {
        ["ChannelCode"] = CodeListNames.Channel,
        ["ProductCode"] = CodeListNames.Product,
        ["SalesFormCode"] = CodeListNames.SalesForm,
        ["PaymentMethodCode"] = CodeListNames.PaymentMethod,
        ["ResultCode"] = CodeListNames.Result,
        ["HarmCode"] = CodeListNames.Harm,
        ["ConsumerRequestCode"] = CodeListNames.ConsumerRequest,
        ["RelationshipCode"] = CodeListNames.Relationship,
        ["AgeBandCode"] = CodeListNames.AgeBand,
        ["GenderCode"] = CodeListNames.Gender,
        ["OccupationCode"] = CodeListNames.Occupation,
        ["Keywords"] = CodeListNames.Keyword,
    };

    public static string Time(DateTimeOffset at) => FiscalYear.ToJapanTime(at).ToString("yyyy/MM/dd HH:mm", Japanese);

    public static string Time(DateTimeOffset? at) => at is { } value ? Time(value) : "—";

    public static string Date(DateTimeOffset at) => FiscalYear.ToJapanTime(at).ToString("yyyy/MM/dd", Japanese);

    public static string Date(DateOnly? day) => day is { } d ? d.ToString("yyyy/MM/dd", Japanese) : "—";

    public static string Yen(long? amount) => amount is { } a ? UiText.Format("Common.Yen", a.ToString("#,0", Japanese)) : "—";

    /// <summary>
    /// Answers the page's HTTP request with 404 while still sending the page itself, which says the case is not found
    /// and links back to the list. Set directly, a 404 makes the server-side render send no body at all (it leaves the
    /// body to a status-code page), so the status is changed only as the rendered response starts.
    /// </summary>
    public static void AnswerNotFound(Microsoft.AspNetCore.Http.HttpContext http) =>
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

    public static string OrDash(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    /// <summary>
    /// A postal code as people write it (154-0004), whichever way it was typed or stored; anything that is not seven
    /// digits is shown as it is.
    /// </summary>
    public static string? PostalCode(string? value) =>
        CaseValidator.NormalizePostalCode(value) is { Length: 7 } digits ? string.Concat(digits.AsSpan(0, 3), "-", digits.AsSpan(3)) : value;

    /// <summary>How long ago, as a queue shows it: 「たった今」, 「5分前」, 「3時間前」, 「2日前」.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        return elapsed switch
        {
            { TotalMinutes: < 1 } => UiText.Get("Common.Ago.JustNow"),
            { TotalHours: < 1 } => UiText.Format("Common.Ago.Minutes", (int)elapsed.TotalMinutes),
            { TotalDays: < 1 } => UiText.Format("Common.Ago.Hours", (int)elapsed.TotalHours),
            _ => UiText.Format("Common.Ago.Days", (int)elapsed.TotalDays),
        };
    }

    /// <summary>Today in Japan: receipt dates, deadlines and defaults follow the consumer's calendar, not the server's.</summary>
    public static DateOnly TodayInJapan(TimeProvider clock) => DateOnly.FromDateTime(FiscalYear.ToJapanTime(clock.GetUtcNow()).DateTime);

    /// <summary>The current minute in Japan, as a datetime-local input shows it.</summary>
    public static DateTime NowInJapan(TimeProvider clock)
    {
        var now = FiscalYear.ToJapanTime(clock.GetUtcNow()).DateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
    }

    /// <summary>A wall-clock time entered on screen is Japan time, whatever the server's zone.</summary>
    public static DateTimeOffset FromJapanLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, FiscalYear.TimeZone.GetUtcOffset(unspecified));
    }

    public static DateTime ToJapanLocal(DateTimeOffset at) => DateTime.SpecifyKind(FiscalYear.ToJapanTime(at).DateTime, DateTimeKind.Unspecified);

    /// <summary>The same Japanese name the validation messages use; the history's own fields have theirs here.</summary>
    public static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        var name = Messages.Field(path);
        if (!name.StartsWith("Field.", StringComparison.Ordinal))
        {
            return name;
        }

        return HistoryOnlyFields.TryGetValue(path, out var known) ? known : path;
    }

    /// <summary>A recorded value as people read it: code names instead of codes, Japan time instead of ISO strings.</summary>
    public static string HistoryValue(string? path, string? value, CodeListVersion codes, IReadOnlyDictionary<string, string> staffNames)
    {
        if (value is null)
        {
            return UiText.Get("CaseTimeline.NoValue");
        }

        var leaf = path is null ? "" : path[(path.LastIndexOf('.') + 1)..];
        if (CodeFieldLists.TryGetValue(leaf, out var list) && codes.Find(list, value) is { } item)
        {
            return list == CodeListNames.Product ? item.Path : item.Name;
        }

        if (leaf == "AssigneeId" && staffNames.TryGetValue(value, out var staff))
        {
            return staff;
        }

        if (leaf == "MediationOutcome" && Enum.TryParse<MediationOutcome>(value, out var outcome))
        {
            return Messages.Get("Mediation." + outcome);
        }

        if (value.Length > 19 && value[10] == 'T' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return Time(at);
        }

        if (value is "True" or "False")
        {
            return value == "True" ? UiText.Get("Common.Yes") : UiText.Get("Common.No");
        }

        if (leaf.StartsWith("Amount", StringComparison.Ordinal) || leaf == "ContractAmount")
        {
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var yen) ? Yen(yen) : value;
        }

        if (leaf == nameof(PartyInput.PostalCode))
        {
            return PostalCode(value) ?? value;
        }

        return value;
    }

    public static string ChangeKind(string kind) => Messages.Get("Change." + kind);

    public static string StatusClass(CaseStatus status) => status switch
    {
        CaseStatus.Received => "status-received",
        CaseStatus.InProgress => "status-progress",
        CaseStatus.AwaitingApproval => "status-awaiting",
        CaseStatus.Completed => "status-completed",
        _ => "",
    };
}
