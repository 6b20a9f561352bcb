using System.Text.Json;
using Yorisoi.Core.Cases;
using Yorisoi.Text;

namespace Yorisoi.Core.Assistance.Checks;

public enum CheckSeverity
{
    Error = 0,
    Warning = 1,
}

/// <summary>One finding: which rule, how serious, the field to fix (a case-form field path) and what to do, in Japanese.</summary>
public sealed record CheckFinding(string RuleId, CheckSeverity Severity, string Field, string Message);

/// <param name="Score">100 for a clean record; each error costs <see cref="InputChecks.ErrorCost"/>, each warning <see cref="InputChecks.WarningCost"/>.</param>
public sealed record CheckReport(Guid CaseId, int Score, string RulesVersion, IReadOnlyList<CheckFinding> Findings)
{
    public int Errors => Findings.Count(f => f.Severity == CheckSeverity.Error);

    public int Warnings => Findings.Count(f => f.Severity == CheckSeverity.Warning);
}

/// <summary>
/// The data-entry rules of the national data (入力ルール) as data (Assistance/Data/input-rules.json, versioned as a
/// whole): required fields by sales form, keyword and result, consistency between fields, dates in order and values
/// worth a second look. The kinds of rule are code; which fields, when, and what the counselor is told are data, so
/// that the rules can change with the national guidance without a release of the engine.
/// </summary>
public sealed class InputChecks
{
    public const int ErrorCost = 15;

    public const int WarningCost = 5;

    private const string ResourceName = "Assistance/Data/input-rules.json";

    private const string ContractPartyPrefix = "ContractParty.";

    private const string ConsultantPrefix = "Consultant.";

    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "required", "notGreater", "dateOrder", "notFuture", "mediationRecord", "combination", "maxAmount",
    };

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private readonly IReadOnlyList<InputRule> _rules;

    private InputChecks(string version, IReadOnlyList<InputRule> rules)
    {
        Version = version;
        _rules = rules;
    }

    public string Version { get; }

    public IReadOnlyList<InputRule> Rules => _rules;

    public static InputChecks LoadEmbedded()
    {
        using var stream = typeof(InputChecks).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return Parse(stream);
    }

    /// <summary>Reads the rules; an unknown kind or field, a duplicate id or a rule without a message is refused by name.</summary>
    public static InputChecks Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<RuleFile>(json, Options) ?? throw new FormatException("input rules: empty document.");
        if (string.IsNullOrWhiteSpace(file.Version))
        {
            throw new FormatException("input rules: \"version\" is missing.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in file.Rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Id) || !ids.Add(rule.Id))
            {
                throw new FormatException($"input rules: the id \"{rule.Id}\" is missing or used twice.");
            }

            if (!Kinds.Contains(rule.Kind))
            {
                throw new FormatException($"input rules: \"{rule.Id}\" has the unknown kind \"{rule.Kind}\".");
            }

            if (!CaseFieldValues.Known(rule.Field) || (rule.Other is not null && !CaseFieldValues.Known(rule.Other)))
            {
                throw new FormatException($"input rules: \"{rule.Id}\" names an unknown field.");
            }

            if (string.IsNullOrWhiteSpace(rule.Message) || rule.Severity is not ("error" or "warning"))
            {
                throw new FormatException($"input rules: \"{rule.Id}\" needs a message and a severity of error or warning.");
            }
        }

        return new InputChecks(file.Version, file.Rules);
    }

    public CheckReport Check(CaseDetail c)
    {
        var values = new CaseFieldValues(c);
        var findings = new List<CheckFinding>();
        foreach (var rule in _rules)
        {
            if (!Applies(rule.When, values) || !Breaks(rule, values) || Explained(rule, values))
            {
                continue;
            }

            // The contract party's fields are the consultant's on the form when they are the same person.
            var field = c.ContractPartyIsConsultant && rule.Field.StartsWith(ContractPartyPrefix, StringComparison.Ordinal)
                ? ConsultantPrefix + rule.Field[ContractPartyPrefix.Length..]
                : rule.Field;
            findings.Add(new CheckFinding(rule.Id, rule.Severity == "error" ? CheckSeverity.Error : CheckSeverity.Warning, field, rule.Message));
        }

        var score = 100 - (ErrorCost * findings.Count(f => f.Severity == CheckSeverity.Error)) - (WarningCost * findings.Count(f => f.Severity == CheckSeverity.Warning));
        return new CheckReport(c.Id, Math.Max(0, score), Version, findings);
    }

    private static bool Applies(RuleCondition? when, CaseFieldValues v) =>
        when is null
        || ((when.SalesForms.Count == 0 || (v.SalesForm is { } s && when.SalesForms.Contains(s)))
            && (when.Keywords.Count == 0 || when.Keywords.Any(v.Keywords.Contains))
            && (when.Results.Count == 0 || (v.Result is { } r && when.Results.Contains(r)))
            && (when.AmountPaidAbove is not { } floor || v.Amount("AmountPaid") > floor));

    private static bool Breaks(InputRule rule, CaseFieldValues v) => rule.Kind switch
    {
        "required" => !v.IsFilled(rule.Field),
        "notGreater" => v.Amount(rule.Field) is { } left && v.Amount(rule.Other!) is { } right && left > right,
        "dateOrder" => !InOrder(v.Date("ContractDate"), v.Date("DocumentReceivedDate"), v.Date("ReceivedAt")),
        "notFuture" => v.Date(rule.Field) is { } date && v.Date("ReceivedAt") is { } received && date > received,
        "mediationRecord" => !v.HasMediationRecord,
        "combination" => rule.Combination is { } combination && v.Matches(combination),
        "maxAmount" => v.Amount(rule.Field) > rule.Limit,
        _ => false,
    };

    private static bool InOrder(params DateOnly?[] dates)
    {
        DateOnly? previous = null;
        foreach (var date in dates)
        {
            if (date is null)
            {
                continue;
            }

            if (previous is { } p && date < p)
            {
                return false;
            }

            previous = date;
        }

        return true;
    }

    /// <summary>Some rules yield to an explanation written in the narrative or the handling log (the rules' unlessTextMentions).</summary>
    private static bool Explained(InputRule rule, CaseFieldValues v) =>
        rule.UnlessTextMentions.Count > 0 && rule.UnlessTextMentions.Any(phrase => v.FoldedText.Contains(JapaneseNormalizer.Fold(phrase), StringComparison.Ordinal));

    private sealed class RuleFile
    {
        public string Version { get; set; } = "";

        public string? Note { get; set; }

        public List<InputRule> Rules { get; set; } = [];
    }
}

/// <summary>One input rule as the data states it.</summary>
public sealed class InputRule
{
    public string Id { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Field { get; set; } = "";

    /// <summary>The field compared with (notGreater).</summary>
    public string? Other { get; set; }

    public string Severity { get; set; } = "";

    public string Message { get; set; } = "";

    public RuleCondition? When { get; set; }

    public CombinationCondition? Combination { get; set; }

    public long? Limit { get; set; }

    public List<string> UnlessTextMentions { get; set; } = [];
}

/// <summary>When a rule applies: all given lists must match (any of a list's codes).</summary>
public sealed class RuleCondition
{
    public List<string> SalesForms { get; set; } = [];

    public List<string> Keywords { get; set; } = [];

    public List<string> Results { get; set; } = [];

    public long? AmountPaidAbove { get; set; }
}

/// <summary>A combination of the contract party's age band and occupation that is wrong or worth a look.</summary>
public sealed class CombinationCondition
{
    public List<string> AgeBands { get; set; } = [];

    public List<string> NotAgeBands { get; set; } = [];

    public List<string> Occupations { get; set; } = [];

    public List<string> NotOccupations { get; set; } = [];
}
