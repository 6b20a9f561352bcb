namespace Yorisoi.Text.Privacy;

/// <summary>The kinds of personal data the <see cref="PersonalDataMasker"/> finds in a narrative.</summary>
public enum PersonalDataKind
{
    PersonName = 1,
    PhoneNumber,
    EmailAddress,
    Address,
    PostalCode,
    BankAccount,
    CardNumber,
    MyNumber,
    DateOfBirth,
}

/// <summary>
/// The placeholder each kind is replaced with. Kept in one place so that whoever reads a masked narrative (an analyst,
/// an AI endpoint, a test) sees the same words for the same kind; 〔〕 brackets because counselors rarely type them,
/// so a placeholder is never mistaken for the consumer's own words.
/// </summary>
public static class PersonalDataPlaceholders
{
    public static string For(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.PersonName => "〔氏名〕",
        PersonalDataKind.PhoneNumber => "〔電話番号〕",
        PersonalDataKind.EmailAddress => "〔メール〕",
        PersonalDataKind.Address => "〔住所〕",
        PersonalDataKind.PostalCode => "〔郵便番号〕",
        PersonalDataKind.BankAccount => "〔口座番号〕",
        PersonalDataKind.CardNumber => "〔カード番号〕",
        PersonalDataKind.MyNumber => "〔マイナンバー〕",
        PersonalDataKind.DateOfBirth => "〔生年月日〕",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
