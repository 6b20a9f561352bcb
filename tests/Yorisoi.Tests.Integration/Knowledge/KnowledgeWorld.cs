using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Knowledge;

/// <summary>
/// Adds to the <see cref="TestWorld"/> what the knowledge base needs: a national center N with an editor, an approver
/// and someone with both roles, a counselor of A who is also an editor, and an editor of B. Center A's faq-editor and
/// faq-approver come from the TestWorld (one user per role).
/// </summary>
public sealed class KnowledgeWorld
{
    private KnowledgeWorld(Center national, IReadOnlyList<TestUser> users, IReadOnlyList<FaqDocument> shipped)
    {
        National = national;
        Users = users;
        Shipped = shipped;
    }

    public Center National { get; }

    public IReadOnlyList<TestUser> Users { get; }

    public IReadOnlyList<FaqDocument> Shipped { get; }

    public TestUser NationalEditor => Users.Single(u => u.Key == "N.faq-editor");

    public TestUser NationalApprover => Users.Single(u => u.Key == "N.faq-approver");

    public TestUser NationalBoth => Users.Single(u => u.Key == "N.both");

    public TestUser CounselorEditorA => Users.Single(u => u.Key == "A.counselor-editor");

    public TestUser EditorB => Users.Single(u => u.Key == "B.faq-editor");

    public string ShippedPublicId => FirstOf(Shipped, FaqAudience.Public);

    public string ShippedInternalId => FirstOf(Shipped, FaqAudience.Internal);

    /// <summary>The entries shipped in the repository, which every test host imports at start.</summary>
    public static IReadOnlyList<FaqDocument> ShippedEntries { get; } = FaqImporter.ReadShipped(CodeListCatalog.LoadEmbedded().Current, FaqCategories.LoadEmbedded());

    /// <summary>The first shipped entry of an audience by id: published in every test database.</summary>
    public static string FirstShipped(FaqAudience audience) => FirstOf(ShippedEntries, audience);

    private static string FirstOf(IEnumerable<FaqDocument> entries, FaqAudience audience) =>
        entries.Where(d => d.Audience == audience).Select(d => d.Id).Order(StringComparer.Ordinal).First();

    public static async Task<KnowledgeWorld> SeedAsync(AppFixture app)
    {
        var world = app.World;
        var national = new Center { Code = "90000", Name = "試験 国民生活センター", Kind = CenterKind.National, PrefectureCode = "130001" };
        var users = new List<(TestUser User, string[] Roles)>
        {
            (new TestUser("N.faq-editor", "n-editor@test.yorisoi.jp", "試験N FAQ作成者", Roles.FaqEditor, national.Id, null), [Roles.FaqEditor]),
            (new TestUser("N.faq-approver", "n-approver@test.yorisoi.jp", "試験N FAQ承認者", Roles.FaqApprover, national.Id, null), [Roles.FaqApprover]),
            (new TestUser("N.both", "n-both@test.yorisoi.jp", "試験N 作成・承認", Roles.FaqEditor, national.Id, null), [Roles.FaqEditor, Roles.FaqApprover]),
            (new TestUser("A.counselor-editor", "a-counselor-editor@test.yorisoi.jp", "試験A 相談員・FAQ作成", Roles.Counselor, world.CenterA.Id, null), [Roles.Counselor, Roles.FaqEditor]),
            (new TestUser("B.faq-editor", "b-editor@test.yorisoi.jp", "試験B FAQ作成者", Roles.FaqEditor, world.CenterB.Id, null), [Roles.FaqEditor]),
        };
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
            var db = scope.ServiceProvider.GetRequiredService<Yorisoi.Core.Data.YorisoiDbContext>();
            db.Centers.Add(national);
            await db.SaveChangesAsync();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (user, roles) in users)
            {
                var entity = new AppUser { UserName = user.Email, Email = user.Email, EmailConfirmed = true, DisplayName = user.DisplayName, CenterId = user.CenterId, LockoutEnabled = true };
                Check(await manager.CreateAsync(entity, TestWorld.Password));
                Check(await manager.AddToRolesAsync(entity, roles));
                user.Id = entity.Id;
            }
        }

        return new KnowledgeWorld(national, users.Select(u => u.User).ToList(), ShippedEntries);
    }

    /// <summary>Puts an entry straight into the database in the given state (version 1), as if its history had happened.</summary>
    public static Task SeedEntryAsync(
        AppFixture app, string id, Guid? owner, FaqVersionState state, TestUser? author = null, FaqAudience audience = FaqAudience.Internal, DateOnly? reviewDue = null) =>
        app.AsSystemAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var published = state is FaqVersionState.Published or FaqVersionState.Retired;
            var entry = new FaqEntry
            {
                Id = id, OwnerCenterId = owner, Audience = audience, Category = "teiki-kounyu", LatestVersion = 1, PublishedVersion = published ? 1 : null,
                IsRetired = state == FaqVersionState.Retired, ReviewDue = reviewDue, CreatedAt = now, UpdatedAt = now,
            };
            entry.Versions.Add(new FaqEntryVersion
            {
                EntryId = id, Number = 1, State = state, Audience = audience, Category = "teiki-kounyu", Question = $"{id} の質問", Answer = $"{id} の回答\n\n## 見出し\n本文",
                Keywords = ["K0105"], AuthorId = author?.Id, AuthorName = author?.DisplayName ?? "試験", ReviewDue = reviewDue, CreatedAt = now, UpdatedAt = now,
                PublishedAt = published ? now : null,
            });
            db.FaqEntries.Add(entry);
            db.FaqHistory.Add(new FaqHistoryEntry { EntryId = id, Version = 1, At = now, UserId = author?.Id, UserName = author?.DisplayName ?? "試験", Action = FaqHistoryActions.Created });
            await db.SaveChangesAsync();
            return true;
        });

    /// <summary>A complete, valid editor's input.</summary>
    public static object Input(string id, FaqAudience audience = FaqAudience.Internal, string question = "解約の電話がつながらないときは？", string answer = "## 聴き取りのポイント\n- いつ契約したか\n\n## 注意点\n記録を残す。") => new
    {
        id,
        audience = audience.ToString(),
        category = "teiki-kounyu",
        question,
        summary = "要約",
        answer,
        products = new[] { "0101" },
        keywords = new[] { "K0105" },
        salesForms = new[] { "S3" },
        laws = new[] { "特定商取引法第15条の3" },
        related = Array.Empty<string>(),
        reviewDue = "2027-03-31",
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
