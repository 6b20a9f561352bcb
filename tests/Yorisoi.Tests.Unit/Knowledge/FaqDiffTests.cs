using Yorisoi.Core.Knowledge;

namespace Yorisoi.Tests.Unit.Knowledge;

public sealed class FaqDiffTests
{
    [Fact]
    public void LineDiffKeepsCommonLinesAndMarksRemovedAndAdded()
    {
        var lines = FaqDiff.Lines("一\n二\n三\n四", "一\n二改\n三\n四\n五");

        Assert.Equal(
            [(DiffKind.Same, "一"), (DiffKind.Removed, "二"), (DiffKind.Added, "二改"), (DiffKind.Same, "三"), (DiffKind.Same, "四"), (DiffKind.Added, "五")],
            lines.Select(l => (l.Kind, l.Text)));
    }

    [Fact]
    public void IdenticalTextsHaveOnlyCommonLines()
    {
        Assert.All(FaqDiff.Lines("a\nb", "a\nb"), l => Assert.Equal(DiffKind.Same, l.Kind));
        Assert.Empty(FaqDiff.Lines("", null));
        Assert.Equal([DiffKind.Added, DiffKind.Added], FaqDiff.Lines(null, "a\nb").Select(l => l.Kind));
    }

    [Fact]
    public void FieldDiffMarksExactlyTheChangedFields()
    {
        var from = Version(1, "質問", "回答", ["K0105"], null);
        var to = Version(2, "質問", "回答（改）", ["K0105", "K0102"], new DateOnly(2027, 4, 1));

        var diff = FaqDiff.Compare(from, to);

        Assert.Equal(["Keywords", "ReviewDue", "Answer"], diff.Fields.Where(f => f.Changed).Select(f => f.Field));
        Assert.Equal("K0105, K0102", diff.Fields.Single(f => f.Field == "Keywords").To);
        Assert.Equal((1, 2), (diff.From, diff.To));
    }

    private static FaqEntryVersion Version(int number, string question, string answer, string[] keywords, DateOnly? due) => new()
    {
        EntryId = "e", Number = number, Category = "c", Question = question, Answer = answer, AuthorName = "a", Keywords = keywords, ReviewDue = due,
    };
}
