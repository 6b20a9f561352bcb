using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Knowledge;

namespace Yorisoi.Tests.Unit.Knowledge;

public sealed class FaqFrontMatterTests
{
    private const string Valid = """
        ---
        id: sample-entry
        audience: internal
        category: teiki-kounyu
        question: 「お試し」のつもりが定期購入でした。どうすればいいですか？
        summary: 解約の条件を確認します。
        products: ["0101", '0102']
        keywords: ["K0105"]
        salesForms: ["S3"]
        laws: ["特定商取引法第11条", "特定商取引法第15条の3"]
        related: [other-entry, third-entry]
        reviewDue: 2027-03-31
        ---
        本文の1行目

        ## 見出し
        """;

    [Fact]
    public void ReadsScalarsQuotedAndPlainListsAndTheBody()
    {
        var doc = FaqFrontMatter.Parse(Valid, "sample.md");

        Assert.Equal("sample-entry", doc.Id);
        Assert.Equal(FaqAudience.Internal, doc.Audience);
        Assert.Equal("teiki-kounyu", doc.Category);
        Assert.Equal("「お試し」のつもりが定期購入でした。どうすればいいですか？", doc.Question);
        Assert.Equal(["0101", "0102"], doc.Products);
        Assert.Equal(["S3"], doc.SalesForms);
        Assert.Equal(["特定商取引法第11条", "特定商取引法第15条の3"], doc.Laws);
        Assert.Equal(["other-entry", "third-entry"], doc.Related);
        Assert.Equal(new DateOnly(2027, 3, 31), doc.ReviewDue);
        Assert.Equal("本文の1行目\n\n## 見出し", doc.Body);
    }

    [Fact]
    public void AnEmptyListIsEmpty()
    {
        var doc = FaqFrontMatter.Parse(Valid.Replace("laws: [\"特定商取引法第11条\", \"特定商取引法第15条の3\"]", "laws: []", StringComparison.Ordinal), "sample.md");

        Assert.Empty(doc.Laws);
    }

    [Theory]
    [InlineData("audience: internal", "audience: everyone", "audience")]
    [InlineData("reviewDue: 2027-03-31", "reviewDue: 2027/03/31", "reviewDue")]
    [InlineData("products: [\"0101\", '0102']", "products: \"0101\"", "products")]
    [InlineData("related: [other-entry, third-entry]", "related: [other-entry, \"third]", "quote")]
    [InlineData("summary: 解約の条件を確認します。\n", "", "missing summary")]
    [InlineData("id: sample-entry", "id sample-entry", "key: value")]
    public void MalformedFrontMatterNamesTheProblem(string original, string replacement, string expected)
    {
        var text = Valid.Replace(original, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => FaqFrontMatter.Parse(text, "broken.md"));
        Assert.Contains("broken.md", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutFrontMatterIsRejected()
    {
        Assert.Throws<FormatException>(() => FaqFrontMatter.Parse("# 見出しだけ", "plain.md"));
        Assert.Throws<FormatException>(() => FaqFrontMatter.Parse("---\nid: x\n", "open.md"));
    }

    [Fact]
    public void EveryShippedEntryParsesAndUsesOnlyKnownCodesCategoriesAndRelatedIds()
    {
        var documents = FaqImporter.ReadShipped(CodeListCatalog.LoadEmbedded().Current, FaqCategories.LoadEmbedded());

        Assert.Equal(99, documents.Count);
        Assert.Contains(documents, d => d.Audience == FaqAudience.Internal);
        Assert.Contains(documents, d => d.Audience == FaqAudience.Public);
        Assert.All(documents, d => Assert.False(string.IsNullOrWhiteSpace(d.Body), d.Id));
    }

    [Fact]
    public void AnUnknownCodeFailsValidation()
    {
        var doc = FaqFrontMatter.Parse(Valid.Replace("\"K0105\"", "\"K9999\"", StringComparison.Ordinal), "sample.md");

        var errors = FaqRules.Validate(FaqImporter.ToInput(doc), CodeListCatalog.LoadEmbedded().Current, FaqCategories.LoadEmbedded(), creating: true).ToDictionary();

        Assert.Equal(["Keywords"], errors.Keys);
        Assert.Contains("K9999", errors["Keywords"][0], StringComparison.Ordinal);
    }
}
