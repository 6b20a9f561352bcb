using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Resources;

namespace Yorisoi.Tests.Unit.Cases;

public sealed class CaseValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(9));
    private static readonly CodeListVersion Codes = CodeListCatalog.LoadEmbedded().Current;

    [Fact]
    public void ACompleteCaseIsValid()
    {
        var errors = Validate(ValidInput());
        Assert.True(errors.IsValid, Describe(errors));
    }

    [Fact]
    public void OnlyReceiptChannelAndSummaryAreRequired()
    {
        var input = new CaseInput { ReceivedAt = Now.AddMinutes(-5), ChannelCode = "C1", Summary = "事業者から突然電話があった。" };
        Assert.True(Validate(input).IsValid);
    }

    [Fact]
    public void MissingRequiredFieldsAreNamedInJapanese()
    {
        var errors = Validate(new CaseInput { Summary = "  \n " }).ToDictionary();

        Assert.Equal(["受付日時を入力してください。"], errors["ReceivedAt"]);
        Assert.Equal(["受付方法を入力してください。"], errors["ChannelCode"]);
        Assert.Equal(["相談概要を入力してください。"], errors["Summary"]);
        Assert.Equal(3, errors.Count);
    }

    [Theory]
    [InlineData("03-1234-5678", "0312345678")]
    [InlineData("0312345678", "0312345678")]
    [InlineData("090-1234-5678", "09012345678")]
    [InlineData("090 1234 5678", "09012345678")]
    [InlineData("(03) 1234-5678", "0312345678")]
    [InlineData("０９０－１２３４－５６７８", "09012345678")]
    [InlineData("０３（１２３４）５６７８", "0312345678")]
    [InlineData("+81 90-1234-5678", "09012345678")]
    [InlineData("+81-3-1234-5678", "0312345678")]
    [InlineData("＋８１９０１２３４５６７８", "09012345678")]
    [InlineData("0120-123-456", "0120123456")]
    [InlineData("050-1234-5678", "05012345678")]
    [InlineData("+1 202 555 0123", "+12025550123")]
    [InlineData("090ー1234ー5678", "09012345678")]
    [InlineData("03‐1234−5678", "0312345678")]
    [InlineData("+81 (0)3-1234-5678", "0312345678")] // the trunk prefix written in parentheses is not counted twice
    [InlineData("＋８１（０）９０－１２３４－５６７８", "09012345678")]
    public void PhoneNumbersAreAcceptedInTheFormsPeopleTypeThem(string typed, string normalized)
    {
        Assert.Equal(normalized, CaseValidator.NormalizePhone(typed));

        var input = ValidInput();
        input.Consultant.Phone = typed;
        Assert.True(Validate(input).IsValid);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("090-1234-56789")]
    [InlineData("90-1234-5678")]
    [InlineData("1234567890")]
    [InlineData("abc-defg-hijk")]
    [InlineData("03-1234-567a")]
    [InlineData("+81 1234")]
    [InlineData("tel:0312345678")]
    public void MalformedPhoneNumbersAreRejectedWithAnExample(string typed)
    {
        Assert.Null(CaseValidator.NormalizePhone(typed));

        var input = ValidInput();
        input.Consultant.Phone = typed;
        input.Business.Phone = typed;
        var errors = Validate(input).ToDictionary();

        Assert.Equal(["相談者の電話番号の形式が正しくありません（例: 03-1234-5678、090-1234-5678）。"], errors["Consultant.Phone"]);
        Assert.Equal(["事業者の電話番号の形式が正しくありません（例: 03-1234-5678、090-1234-5678）。"], errors["Business.Phone"]);
    }

    [Theory]
    [InlineData("100-0001")]
    [InlineData("1000001")]
    [InlineData("〒100-0001")]
    [InlineData("〒 100-0001")]
    [InlineData("〒１００－０００１")]
    [InlineData("１０００００１")]
    [InlineData(" 100-0001 ")]
    public void PostalCodesAreAcceptedWithOrWithoutMarkAndInFullWidth(string typed)
    {
        Assert.Equal("1000001", CaseValidator.NormalizePostalCode(typed));

        var input = ValidInput();
        input.Consultant.PostalCode = typed;
        Assert.True(Validate(input).IsValid);
    }

    [Theory]
    [InlineData("100-001")]
    [InlineData("10000011")]
    [InlineData("100_0001")]
    [InlineData("10-00001")]
    [InlineData("abc-defg")]
    [InlineData("〒")]
    public void MalformedPostalCodesAreRejected(string typed)
    {
        Assert.Null(CaseValidator.NormalizePostalCode(typed));

        var input = ValidInput();
        input.ContractPartyIsConsultant = false;
        input.RelationshipCode = "L3";
        input.ContractParty.PostalCode = typed;
        var errors = Validate(input).ToDictionary();

        Assert.Equal(["契約当事者の郵便番号は7桁の数字で入力してください（例: 100-0001）。"], errors["ContractParty.PostalCode"]);
    }

    [Theory]
    [InlineData("taro@example.jp", true)]
    [InlineData("taro.yamada+web@mail.example.co.jp", true)]
    [InlineData("taro@example", false)]
    [InlineData("taro.example.jp", false)]
    [InlineData("taro@@example.jp", false)]
    [InlineData("ta ro@example.jp", false)]
    [InlineData("@example.jp", false)]
    public void EmailAddressesNeedALocalPartAndADomain(string email, bool valid)
    {
        var input = ValidInput();
        input.Consultant.Email = email;
        var errors = Validate(input).ToDictionary();

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal(["相談者のメールアドレスの形式が正しくありません（例: taro@example.jp）。"], errors["Consultant.Email"]);
        }
    }

    [Fact]
    public void OverlongEmailIsRejected()
    {
        var input = ValidInput();
        input.Consultant.Email = new string('a', 250) + "@example.jp";
        Assert.Equal(["相談者のメールアドレスは254文字以内で入力してください。"], Validate(input).ToDictionary()["Consultant.Email"]);
    }

    [Theory]
    [InlineData("https://example.jp/", true)]
    [InlineData("http://shop.example.jp/item?id=1", true)]
    [InlineData("ftp://example.jp/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("example.jp", false)]
    [InlineData("//example.jp", false)]
    public void BusinessUrlMustBeHttpOrHttps(string url, bool valid)
    {
        var input = ValidInput();
        input.Business.Url = url;
        var errors = Validate(input).ToDictionary();

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal(["事業者のURLは http:// または https:// で始まるURLを入力してください。"], errors["Business.Url"]);
        }
    }

    [Theory]
    [InlineData("7000012050002")] // 国税庁
    [InlineData("2000012010019")] // 内閣府
    [InlineData("1180301018771")] // トヨタ自動車株式会社
    public void RealCorporateNumbersPassTheCheckDigit(string number)
    {
        Assert.True(CaseValidator.IsValidCorporateNumber(number));

        var input = ValidInput();
        input.Business.CorporateNumber = number;
        Assert.True(Validate(input).IsValid);
    }

    [Fact]
    public void FullWidthDigitsOfAValidCorporateNumberAreAccepted()
    {
        Assert.True(CaseValidator.IsValidCorporateNumber("７００００１２０５０００２"));

        var input = ValidInput();
        input.Business.CorporateNumber = "７００００１２０５０００２";
        Assert.True(Validate(input).IsValid);
    }

    [Fact]
    public void ATopLevelKeywordIsRefusedLikeATopLevelProduct()
    {
        var input = ValidInput();
        input.KeywordCodes = ["K0101", "K01"];

        Assert.Equal(["内容キーワードは大分類ではなく、その下のキーワードまで選んでください。"], Validate(input).ToDictionary()["KeywordCodes"]);
    }

    [Theory]
    [InlineData("7000012050003")] // check digit off by one
    [InlineData("3000012050002")]
    [InlineData("1000012050002")]
    [InlineData("７０００１２０５０００２３")] // full-width, last digit mistyped
    public void ThirteenDigitsWithAWrongCheckDigitAreRejectedAsACheckDigitMismatch(string number)
    {
        Assert.False(CaseValidator.IsValidCorporateNumber(number));

        var input = ValidInput();
        input.Business.CorporateNumber = number;
        Assert.Equal(["法人番号の検査用数字（先頭の1桁）が一致しません。番号を打ち間違えていないか確かめてください。"], Validate(input).ToDictionary()["Business.CorporateNumber"]);
    }

    [Theory]
    [InlineData("700001205000")] // 12 digits
    [InlineData("70000120500021")] // 14 digits
    [InlineData("7000-0120-50002")] // separators are not part of the number
    [InlineData("700001205000A")]
    [InlineData("T7000012050002")] // an invoice registration number is not a corporate number
    public void CorporateNumbersOfTheWrongShapeAreRejectedAsNotThirteenDigits(string number)
    {
        Assert.False(CaseValidator.IsValidCorporateNumber(number));

        var input = ValidInput();
        input.Business.CorporateNumber = number;
        Assert.Equal(["法人番号は13桁の数字で入力してください（ハイフンや空白は不要です）。"], Validate(input).ToDictionary()["Business.CorporateNumber"]);
    }

    [Theory]
    [InlineData(nameof(CaseInput.AmountBilled), "請求金額")]
    [InlineData(nameof(CaseInput.ContractAmount), "契約購入金額")]
    [InlineData(nameof(CaseInput.AmountPaid), "既支払額")]
    [InlineData(nameof(CaseInput.AmountRelieved), "救済金額")]
    public void NegativeAndHugeAmountsAreRejected(string field, string label)
    {
        var negative = ValidInput();
        SetAmount(negative, field, -1);
        Assert.Equal([$"{label}には0以上の金額を入力してください。"], Validate(negative).ToDictionary()[field]);

        var huge = ValidInput();
        SetAmount(huge, field, CaseLimits.MaxAmount + 1);
        Assert.Equal([$"{label}が大きすぎます（1,000億円以内で入力してください）。"], Validate(huge).ToDictionary()[field]);

        var max = ValidInput();
        SetAmount(max, field, long.MaxValue);
        Assert.Contains(field, Validate(max).ToDictionary().Keys);

        var zero = ValidInput();
        SetAmount(zero, field, 0);
        Assert.True(Validate(zero).IsValid);

        var limit = ValidInput();
        SetAmount(limit, field, CaseLimits.MaxAmount);
        Assert.True(Validate(limit).IsValid);
    }

    [Fact]
    public void ReceiptTimeMayNotLieInTheFuture()
    {
        var input = ValidInput();
        input.ReceivedAt = Now.AddMinutes(11);
        Assert.Equal(["受付日時に未来の日付は入力できません。"], Validate(input).ToDictionary()["ReceivedAt"]);

        // A few minutes of clock difference between a counselor's PC and the server is tolerated.
        input.ReceivedAt = Now.AddMinutes(9);
        Assert.True(Validate(input).IsValid);
    }

    [Fact]
    public void DatesBefore2000AreRejectedAsTooOld()
    {
        var input = ValidInput();
        input.ReceivedAt = new DateTimeOffset(1999, 12, 31, 23, 0, 0, TimeSpan.Zero);
        input.ContractDate = new DateOnly(1999, 12, 31);
        input.DocumentReceivedDate = new DateOnly(1999, 1, 1);
        var errors = Validate(input).ToDictionary();

        Assert.Equal(["受付日時が古すぎます（2000年以降を入力してください）。"], errors["ReceivedAt"]);
        Assert.Equal(["契約日が古すぎます（2000年以降を入力してください）。"], errors["ContractDate"]);
        Assert.Equal(["法定書面の受領日が古すぎます（2000年以降を入力してください）。"], errors["DocumentReceivedDate"]);
    }

    [Fact]
    public void ContractAndDocumentDatesMayNotLieInTheFuture()
    {
        var today = DateOnly.FromDateTime(Now.DateTime);
        var input = ValidInput();
        input.ContractDate = today.AddDays(2);
        input.DocumentReceivedDate = today.AddDays(30);
        var errors = Validate(input).ToDictionary();

        Assert.Equal(["契約日に未来の日付は入力できません。"], errors["ContractDate"]);
        Assert.Equal(["法定書面の受領日に未来の日付は入力できません。"], errors["DocumentReceivedDate"]);

        input = ValidInput();
        input.ContractDate = today.AddDays(1);
        Assert.True(Validate(input).IsValid);
    }

    [Fact]
    public void ControlCharactersAreStrippedNotRejected()
    {
        var input = ValidInput();
        input.Summary = "\u0000相談\u0007内容\u001Bです。\r\n二行目\u007F\u0085";
        input.Consultant.Name = "山田\t花子\u0000";
        input.Business.Name = "株式会社\nテスト\u0008";
        input.ChannelCode = "C1\u0000";

        Assert.True(Validate(input).IsValid);
        Assert.Equal("相談内容です。\n二行目", input.Summary);
        Assert.Equal("山田 花子", input.Consultant.Name);
        Assert.Equal("株式会社 テスト", input.Business.Name);
        Assert.Equal("C1", input.ChannelCode);
    }

    [Fact]
    public void TextOfOnlyControlCharactersAndSpacesCountsAsEmpty()
    {
        var input = ValidInput();
        input.Summary = "\u0000\u0001 \r\n\t";
        input.Consultant.Name = "\u0000 ";

        Assert.Equal(["相談概要を入力してください。"], Validate(input).ToDictionary()["Summary"]);
        Assert.Null(input.Consultant.Name);
    }

    [Fact]
    public void TooLongTextIsRejectedWithTheLimit()
    {
        var input = ValidInput();
        input.Summary = new string('あ', CaseLimits.SummaryLength + 1);
        input.Consultant.Name = new string('山', CaseLimits.NameLength + 1);
        input.Consultant.Address = new string('町', CaseLimits.AddressLength + 1);
        input.Consultant.ContactNote = new string('メ', CaseLimits.ContactNoteLength + 1);
        input.Business.Name = new string('社', CaseLimits.BusinessNameLength + 1);
        input.ConsumerRequestNote = new string('要', CaseLimits.NoteLength + 1);
        input.Business.Url = "https://example.jp/" + new string('a', CaseLimits.UrlLength);
        var errors = Validate(input).ToDictionary();

        Assert.Equal(["相談概要は20000文字以内で入力してください。"], errors["Summary"]);
        Assert.Equal(["相談者の氏名は100文字以内で入力してください。"], errors["Consultant.Name"]);
        Assert.Equal(["相談者の住所は400文字以内で入力してください。"], errors["Consultant.Address"]);
        Assert.Equal(["相談者の連絡メモは2000文字以内で入力してください。"], errors["Consultant.ContactNote"]);
        Assert.Equal(["事業者名は200文字以内で入力してください。"], errors["Business.Name"]);
        Assert.Equal(["要望の詳細は4000文字以内で入力してください。"], errors["ConsumerRequestNote"]);
        Assert.Equal(["事業者のURLは2000文字以内で入力してください。"], errors["Business.Url"]);
    }

    [Fact]
    public void TextAtTheLimitIsAccepted()
    {
        var input = ValidInput();
        input.Summary = new string('あ', CaseLimits.SummaryLength);
        input.Consultant.Name = new string('山', CaseLimits.NameLength);
        Assert.True(Validate(input).IsValid);
    }

    [Fact]
    public void UnknownCodesAreRejectedPerField()
    {
        var input = ValidInput();
        input.ChannelCode = "C99";
        input.SalesFormCode = "S0";
        input.PaymentMethodCode = "P99";
        input.ConsumerRequestCode = "W0";
        input.HarmCode = "H9";
        input.ResultCode = "R99";
        input.Consultant.AgeBandCode = "A99";
        input.Consultant.GenderCode = "G9";
        input.Consultant.OccupationCode = "O99";
        input.KeywordCodes = ["K0208", "K9999"];
        var errors = Validate(input).ToDictionary();

        Assert.Equal(["受付方法の選択肢が正しくありません。一覧から選んでください。"], errors["ChannelCode"]);
        Assert.Equal(["販売購入形態の選択肢が正しくありません。一覧から選んでください。"], errors["SalesFormCode"]);
        Assert.Equal(["支払方法の選択肢が正しくありません。一覧から選んでください。"], errors["PaymentMethodCode"]);
        Assert.Equal(["相談者の要望の選択肢が正しくありません。一覧から選んでください。"], errors["ConsumerRequestCode"]);
        Assert.Equal(["危害・危険の選択肢が正しくありません。一覧から選んでください。"], errors["HarmCode"]);
        Assert.Equal(["処理結果の選択肢が正しくありません。一覧から選んでください。"], errors["ResultCode"]);
        Assert.Equal(["相談者の年代の選択肢が正しくありません。一覧から選んでください。"], errors["Consultant.AgeBandCode"]);
        Assert.Equal(["相談者の性別の選択肢が正しくありません。一覧から選んでください。"], errors["Consultant.GenderCode"]);
        Assert.Equal(["相談者の職業の選択肢が正しくありません。一覧から選んでください。"], errors["Consultant.OccupationCode"]);
        Assert.Equal(["内容キーワードの選択肢が正しくありません。一覧から選んでください。"], errors["KeywordCodes"]);
        Assert.Equal(10, errors.Count);
    }

    [Fact]
    public void CodesFromAnotherListAreNotAccepted()
    {
        var input = ValidInput();
        input.ChannelCode = "M1"; // a handling method, not a receipt channel
        input.SalesFormCode = "C1";
        var errors = Validate(input).ToDictionary();

        Assert.Contains("ChannelCode", errors.Keys);
        Assert.Contains("SalesFormCode", errors.Keys);
    }

    [Fact]
    public void ProductCodeMustBeALeafOfTheTree()
    {
        var input = ValidInput();
        input.ProductCode = "02";
        Assert.Equal(["商品・役務分類は大分類ではなく、その下の分類まで選んでください。"], Validate(input).ToDictionary()["ProductCode"]);

        input.ProductCode = "9999";
        Assert.Equal(["商品・役務分類の選択肢が正しくありません。一覧から選んでください。"], Validate(input).ToDictionary()["ProductCode"]);

        input.ProductCode = "0201";
        Assert.True(Validate(input).IsValid);
    }

    [Fact]
    public void AtMostTenKeywords()
    {
        var leaves = Codes.Items(CodeListNames.Keyword).Where(k => k.IsLeaf).Select(k => k.Code).ToList();
        var input = ValidInput();
        input.KeywordCodes = leaves.Take(CaseValidator.MaxKeywords + 1).ToList();
        Assert.Equal(["内容キーワードは10個まで選べます。"], Validate(input).ToDictionary()["KeywordCodes"]);

        input.KeywordCodes = leaves.Take(CaseValidator.MaxKeywords).ToList();
        Assert.True(Validate(input).IsValid);
    }

    [Fact]
    public void RepeatedKeywordsCountOnce()
    {
        var input = ValidInput();
        input.KeywordCodes = Enumerable.Repeat("K0208", 15).Append(" K0101 ").ToList();

        Assert.True(Validate(input).IsValid);
        Assert.Equal(["K0208", "K0101"], input.KeywordCodes);
    }

    [Fact]
    public void UnknownMunicipalityIsRejected()
    {
        var input = ValidInput();
        input.Consultant.MunicipalityCode = "99999";
        Assert.Equal(["相談者の居住市区町村の市区町村コードが見つかりません。"], Validate(input).ToDictionary()["Consultant.MunicipalityCode"]);
    }

    [Fact]
    public void TheContractPartyIsCheckedOnlyWhenItIsSomeoneElse()
    {
        var input = ValidInput();
        input.ContractParty.Phone = "not a phone";
        input.RelationshipCode = "X";
        Assert.True(Validate(input).IsValid);

        input.ContractPartyIsConsultant = false;
        var errors = Validate(input).ToDictionary();
        Assert.Equal(["契約当事者の電話番号の形式が正しくありません（例: 03-1234-5678、090-1234-5678）。"], errors["ContractParty.Phone"]);
        Assert.Equal(["相談者と契約当事者の関係の選択肢が正しくありません。一覧から選んでください。"], errors["RelationshipCode"]);
    }

    [Fact]
    public void EveryMessageNamesItsFieldInJapanese()
    {
        var input = new CaseInput
        {
            ReceivedAt = Now.AddDays(1),
            ChannelCode = "X",
            Summary = new string('x', CaseLimits.SummaryLength + 1),
            Consultant = new PartyInput { Phone = "x", Email = "x", PostalCode = "x", AgeBandCode = "x", MunicipalityCode = "x", Name = new string('x', 101) },
            ContractPartyIsConsultant = false,
            ContractParty = new PartyInput { Phone = "x", GenderCode = "x" },
            RelationshipCode = "x",
            Business = new BusinessInput { Phone = "x", Url = "x", CorporateNumber = "x" },
            ProductCode = "x",
            AmountPaid = -5,
            ContractDate = new DateOnly(1990, 1, 1),
            KeywordCodes = ["x"],
        };
        var errors = Validate(input).ToDictionary();

        Assert.True(errors.Count >= 18, string.Join(", ", errors.Keys));
        foreach (var (field, messages) in errors)
        {
            var label = Messages.Field(field);
            Assert.NotEqual("Field." + field, label);
            Assert.All(messages, m => Assert.Contains(label, m, StringComparison.Ordinal));
            Assert.All(messages, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}|\p{IsHiragana}", m));
        }
    }

    [Fact]
    public void HandlingLogEntriesNeedTimeMethodCounterpartAndText()
    {
        var errors = CaseValidator.ValidateLog(new HandlingLogInput { Text = "\u0000 " }, Codes, Now).ToDictionary();

        Assert.Equal(["日時を入力してください。"], errors["OccurredAt"]);
        Assert.Equal(["方法を入力してください。"], errors["MethodCode"]);
        Assert.Equal(["相手方を入力してください。"], errors["CounterpartCode"]);
        Assert.Equal(["内容を入力してください。"], errors["Text"]);
    }

    [Fact]
    public void HandlingLogEntriesRejectFutureTimesUnknownCodesAndOverlongText()
    {
        var input = new HandlingLogInput
        {
            OccurredAt = Now.AddHours(1),
            MethodCode = "C1",
            CounterpartCode = "T9",
            CounterpartName = new string('a', 201),
            Text = new string('a', CaseLimits.LogTextLength + 1),
        };
        var errors = CaseValidator.ValidateLog(input, Codes, Now).ToDictionary();

        Assert.Equal(["日時に未来の日付は入力できません。"], errors["OccurredAt"]);
        Assert.Equal(["方法の選択肢が正しくありません。一覧から選んでください。"], errors["MethodCode"]);
        Assert.Equal(["相手方の選択肢が正しくありません。一覧から選んでください。"], errors["CounterpartCode"]);
        Assert.Equal(["相手方の名称・部署は200文字以内で入力してください。"], errors["CounterpartName"]);
        Assert.Equal(["内容は20000文字以内で入力してください。"], errors["Text"]);
    }

    [Fact]
    public void AValidHandlingLogEntryIsCleanedAndAccepted()
    {
        var input = new HandlingLogInput { OccurredAt = Now.AddMinutes(-3), MethodCode = "M1", CounterpartCode = "T2", CounterpartName = "お客様窓口\n", Text = " 事業者に電話した。\u0000 " };

        Assert.True(CaseValidator.ValidateLog(input, Codes, Now).IsValid);
        Assert.Equal("事業者に電話した。", input.Text);
        Assert.Equal("お客様窓口", input.CounterpartName);
    }

    private static ValidationErrors Validate(CaseInput input) => CaseValidator.Validate(input, Codes, code => code is "13101" or "14100", Now);

    private static string Describe(ValidationErrors errors) =>
        string.Join("; ", errors.ToDictionary().Select(kv => $"{kv.Key}: {string.Join(" / ", kv.Value)}"));

    private static void SetAmount(CaseInput input, string field, long value)
    {
        switch (field)
        {
            case nameof(CaseInput.AmountBilled): input.AmountBilled = value; break;
            case nameof(CaseInput.ContractAmount): input.ContractAmount = value; break;
            case nameof(CaseInput.AmountPaid): input.AmountPaid = value; break;
            case nameof(CaseInput.AmountRelieved): input.AmountRelieved = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }
    }

    private static CaseInput ValidInput() => new()
    {
        ReceivedAt = Now.AddHours(-1),
        ChannelCode = "C1",
        Consultant = new PartyInput
        {
            Name = "山田 花子",
            NameKana = "ヤマダ ハナコ",
            Phone = "090-1234-5678",
            Email = "hanako@example.jp",
            PostalCode = "100-0001",
            Address = "東京都千代田区千代田1-1",
            ContactNote = "平日の午前中なら連絡可",
            AgeBandCode = "A7",
            GenderCode = "G2",
            OccupationCode = "O5",
            MunicipalityCode = "13101",
        },
        Summary = "インターネットで「初回無料」の健康食品を申し込んだところ、定期購入だった。解約したい。",
        Business = new BusinessInput
        {
            Name = "株式会社テスト通販",
            NameKana = "テストツウハン",
            Address = "東京都港区",
            Phone = "03-1234-5678",
            Url = "https://example.jp/",
            CorporateNumber = "7000012050002",
        },
        ProductCode = "0201",
        SalesFormCode = "S3",
        KeywordCodes = ["K0208", "K0101"],
        AmountBilled = 9_800,
        ContractAmount = 9_800,
        AmountPaid = 0,
        AmountRelieved = 0,
        PaymentMethodCode = "P03",
        ContractDate = new DateOnly(2026, 11, 1),
        DocumentReceivedDate = new DateOnly(2026, 11, 2),
        ConsumerRequestCode = "W1",
        ConsumerRequestNote = "返金も希望",
        HarmCode = "H0",
        ResultCode = "R1",
    };
}
