namespace Yorisoi.Core.Security;

public static class Roles
{
    public const string Counselor = "counselor";
    public const string Supervisor = "supervisor";
    public const string CenterAdmin = "center-admin";
    public const string PrefectureAdmin = "prefecture-admin";
    public const string NationalAnalyst = "national-analyst";
    public const string SystemAdmin = "system-admin";

    public static IReadOnlyList<string> All { get; } =
        [Counselor, Supervisor, CenterAdmin, PrefectureAdmin, NationalAnalyst, SystemAdmin];

    /// <summary>Roles that work on identifiable case records of their own center.</summary>
    public static IReadOnlyList<string> CaseWorkers { get; } = [Counselor, Supervisor, CenterAdmin];

    /// <summary>Roles that approve, return and reopen cases.</summary>
    public static IReadOnlyList<string> Approvers { get; } = [Supervisor, CenterAdmin];

    /// <summary>Administrative roles must use two-factor sign-in.</summary>
    public static IReadOnlyList<string> RequireTwoFactor { get; } = [CenterAdmin, PrefectureAdmin, SystemAdmin];

    public static string DisplayName(string role) => role switch
    {
        Counselor => "相談員",
        Supervisor => "決裁者（所属長）",
        CenterAdmin => "センター管理者",
        PrefectureAdmin => "都道府県管理者",
        NationalAnalyst => "全国分析担当",
        SystemAdmin => "システム管理者",
        _ => role,
    };
}
