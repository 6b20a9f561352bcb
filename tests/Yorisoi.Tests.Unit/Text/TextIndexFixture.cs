using Yorisoi.Text;
using Yorisoi.Text.Search;

namespace Yorisoi.Tests.Unit.Text;

/// <summary>A small index of consultation-like documents shared by the search tests (read-only for them).</summary>
public sealed class TextIndexFixture : IDisposable
{
    public static readonly (string Id, string Narrative, string Business, string Receipt, string Category, string Center, long Amount, DateTimeOffset Received)[] Cases =
    [
        ("c1", "定期購入のサプリメントを解約したいが、電話がつながらない。", "㈱ＡＢＣ", "2026-0001", "健康食品", "tokyo", 10000, new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(9))),
        ("c2", "訪問販売で屋根修理を契約した。クーリング・オフしたい。", "ヨリソイ工務店", "2026-0002", "工事", "tokyo", 300000, new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.FromHours(9))),
        ("c3", "身に覚えのない架空請求のハガキが届いた。一万円払えと書いてある。", "不明", "2026-0003", "架空請求", "osaka", 10000, new DateTimeOffset(2026, 4, 3, 10, 0, 0, TimeSpan.FromHours(9))),
        ("c4", "ネット通販で注文したスマホが届かない。事業者に連絡が取れない。", "ABC株式会社", "2026-0004", "通信販売", "osaka", 50000, new DateTimeOffset(2026, 4, 4, 10, 0, 0, TimeSpan.FromHours(9))),
        ("c5", "お試しのつもりが定期コースだった。解約金を請求された。", "abc co., ltd.", "2026-0005", "健康食品", "tokyo", 20000, new DateTimeOffset(2026, 4, 5, 10, 0, 0, TimeSpan.FromHours(9))),
        ("c6", "ｽﾏｰﾄﾌｫﾝの修理代金が高すぎる。見積もりと違う。", "テスト電機", "2026-0006", "修理", "nagoya", 30000, new DateTimeOffset(2026, 4, 6, 10, 0, 0, TimeSpan.FromHours(9))),
        ("c7", "エステの契約を中途解約したら高額な違約金を求められた。", "ビューティー合同会社", "2026-0007", "エステ", "tokyo", 150000, new DateTimeOffset(2026, 4, 7, 10, 0, 0, TimeSpan.FromHours(9))),
        ("c8", "電力会社の切替の勧誘が電話で何度もある。", "エネルギー(有)", "2026-0008", "電気", "osaka", 0, new DateTimeOffset(2026, 4, 8, 10, 0, 0, TimeSpan.FromHours(9))),
    ];

    public TextIndexFixture()
    {
        Schema = CaseSchema();
        Index = TextIndex.Temporary(Schema, MeCabFixture.Analyzer);
        foreach (var c in Cases)
        {
            Index.Upsert(ToDocument(c));
        }

        Index.Commit();
        Index.Refresh();
    }

    public TextIndexSchema Schema { get; }

    public TextIndex Index { get; }

    public static TextIndexSchema CaseSchema() => TextIndexSchema.Create()
        .Text("narrative", "概要", "相談概要")
        .Text("businessName", "事業者名")
        .Keyword("business", facet: false, key: BusinessNameFolder.Key, "事業者")
        .Keyword("receipt", facet: false, key: null, "受付番号")
        .Keyword("category", facet: true, key: null, "分類")
        .Keyword("center", facet: true, key: null, "センター")
        .Number("amount", "金額")
        .Date("received", "受付日")
        .Build();

    public static IndexDocument ToDocument((string Id, string Narrative, string Business, string Receipt, string Category, string Center, long Amount, DateTimeOffset Received) c) =>
        new IndexDocument(c.Id)
            .Text("narrative", c.Narrative)
            .Text("businessName", c.Business)
            .Keyword("business", c.Business)
            .Keyword("receipt", c.Receipt)
            .Keyword("category", c.Category)
            .Keyword("center", c.Center)
            .Number("amount", c.Amount)
            .Date("received", c.Received);

    public void Dispose() => Index.Dispose();
}
