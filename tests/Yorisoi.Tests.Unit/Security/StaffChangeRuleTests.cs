using Yorisoi.Core.Security;

namespace Yorisoi.Tests.Unit.Security;

/// <summary>Who may lock, unlock or reset the two-factor sign-in of whom (the rule the service and the admin screen share).</summary>
public sealed class StaffChangeRuleTests
{
    private static readonly Guid Tokyo = Guid.NewGuid();
    private static readonly Guid Hachioji = Guid.NewGuid();
    private static readonly Guid Yokohama = Guid.NewGuid();

    private static StaffAccount Account(string role, Guid center) =>
        new(Guid.NewGuid(), [role], center, center == Yokohama ? "140007" : "130001");

    [Fact]
    public void NobodyMayChangeThemselves()
    {
        foreach (var role in Roles.All)
        {
            var self = Account(role, Tokyo);
            Assert.False(StaffAdministration.MayChangeUser(self, self));
        }
    }

    [Fact]
    public void CenterAdminMayChangeDelegableAccountsOfTheirOwnCenterOnly()
    {
        var admin = Account(Roles.CenterAdmin, Tokyo);

        Assert.True(StaffAdministration.MayChangeUser(admin, Account(Roles.Counselor, Tokyo)));
        Assert.True(StaffAdministration.MayChangeUser(admin, Account(Roles.Supervisor, Tokyo)));
        Assert.True(StaffAdministration.MayChangeUser(admin, Account(Roles.CenterAdmin, Tokyo)));
        Assert.False(StaffAdministration.MayChangeUser(admin, Account(Roles.Counselor, Hachioji)));
        Assert.False(StaffAdministration.MayChangeUser(admin, Account(Roles.SystemAdmin, Tokyo)));
        Assert.False(StaffAdministration.MayChangeUser(admin, Account(Roles.PrefectureAdmin, Tokyo)));
        Assert.False(StaffAdministration.MayChangeUser(admin, Account(Roles.NationalAnalyst, Tokyo)));
        Assert.False(StaffAdministration.MayChangeUser(admin, new StaffAccount(Guid.NewGuid(), [Roles.Counselor, Roles.SystemAdmin], Tokyo, "130001")));
    }

    [Fact]
    public void TheKnowledgeBaseRolesDoNotTakeACounselorOutOfTheirCenterAdministratorsHands()
    {
        var admin = Account(Roles.CenterAdmin, Tokyo);

        Assert.True(StaffAdministration.MayChangeUser(admin, new StaffAccount(Guid.NewGuid(), [Roles.Counselor, Roles.FaqEditor], Tokyo, "130001")));
        Assert.True(StaffAdministration.MayChangeUser(admin, new StaffAccount(Guid.NewGuid(), [Roles.Supervisor, Roles.FaqApprover], Tokyo, "130001")));
        Assert.False(StaffAdministration.MayChangeUser(admin, new StaffAccount(Guid.NewGuid(), [Roles.FaqEditor], Hachioji, "130001")));
    }

    [Fact]
    public void PrefectureAdminMayChangeDelegableAccountsOfTheirPrefecture()
    {
        var admin = Account(Roles.PrefectureAdmin, Tokyo);

        Assert.True(StaffAdministration.MayChangeUser(admin, Account(Roles.Counselor, Hachioji)));
        Assert.True(StaffAdministration.MayChangeUser(admin, Account(Roles.CenterAdmin, Tokyo)));
        Assert.False(StaffAdministration.MayChangeUser(admin, Account(Roles.Counselor, Yokohama)));
        Assert.False(StaffAdministration.MayChangeUser(admin, Account(Roles.PrefectureAdmin, Hachioji)));
        Assert.False(StaffAdministration.MayChangeUser(admin, Account(Roles.SystemAdmin, Tokyo)));
    }

    [Fact]
    public void SystemAdminMayChangeEveryoneElse()
    {
        var admin = Account(Roles.SystemAdmin, Tokyo);

        foreach (var role in Roles.All)
        {
            Assert.True(StaffAdministration.MayChangeUser(admin, Account(role, Yokohama)));
        }
    }

    [Theory]
    [InlineData(Roles.Counselor)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.NationalAnalyst)]
    public void RolesWithoutAdministrationMayChangeNobody(string role)
    {
        var actor = Account(role, Tokyo);

        Assert.False(StaffAdministration.MayChangeUser(actor, Account(Roles.Counselor, Tokyo)));
    }
}
