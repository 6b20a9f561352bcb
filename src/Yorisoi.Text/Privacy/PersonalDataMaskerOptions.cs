namespace Yorisoi.Text.Privacy;

public sealed class PersonalDataMaskerOptions
{
    /// <summary>
    /// Names of prefectures, municipalities and wards (the list of local governments). With them the masker keeps
    /// 「横浜市中区」 readable and masks only what follows; without them it guesses where the municipality ends from
    /// 市, 区 and 郡, and the 47 prefectures are always known.
    /// </summary>
    public IReadOnlyCollection<string> PlaceNames { get; init; } = [];

    /// <summary>Words that MeCab tags as a person's name but that a center knows are not (local brands, place names).</summary>
    public IReadOnlyCollection<string> NotNames { get; init; } = [];
}
