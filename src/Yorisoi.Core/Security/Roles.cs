namespace Yorisoi.Core.Security;

public static class Roles
{
    public const string Counselor = "counselor";
    public const string Supervisor = "supervisor";
    public const string CenterAdmin = "center-admin";
    public const string PrefectureAdmin = "prefecture-admin";
    public const string NationalAnalyst = "national-analyst";
    public const string SystemAdmin = "system-admin";

    /// <summary>Writes and updates knowledge-base entries (FAQ作成・更新); combinable with a center role.</summary>
    public const string FaqEditor = "faq-editor";

    /// <summary>Approves and publishes knowledge-base entries (FAQ承認・公開); combinable with a center role.</summary>
    public const string FaqApprover = "faq-approver";

    public static IReadOnlyList<string> All { get; } =
        [Counselor, Supervisor, CenterAdmin, PrefectureAdmin, NationalAnalyst, SystemAdmin, FaqEditor, FaqApprover];

    /// <summary>Roles that work on the knowledge base (its reports included).</summary>
    public static IReadOnlyList<string> KnowledgeWorkers { get; } = [FaqEditor, FaqApprover];

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
        FaqEditor => "FAQ作成者",
        FaqApprover => "FAQ承認者",
        _ => role,
    };
}
