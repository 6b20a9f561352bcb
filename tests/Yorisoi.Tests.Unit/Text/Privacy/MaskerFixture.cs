using System.Globalization;
using Yorisoi.Core.Centers;
using Yorisoi.Text.Privacy;

namespace Yorisoi.Tests.Unit.Text.Privacy;

/// <summary>
/// Maskers for the tests: one with the local governments of Core's data file, as the host builds it, and one with no
/// extra data, to show that addresses are still masked when the list is missing.
/// </summary>
internal static class MaskerFixture
{
    private static readonly Lazy<IReadOnlyList<LocalGovernmentRow>> s_localGovernments = new(ReadLocalGovernments);
    private static readonly Lazy<PersonalDataMasker> s_withPlaces = new(() =>
        new PersonalDataMasker(MeCabFixture.Analyzer, new PersonalDataMaskerOptions { PlaceNames = [.. LocalGovernments.Select(g => g.Name)] }));

    private static readonly Lazy<PersonalDataMasker> s_plain = new(() => new PersonalDataMasker(MeCabFixture.Analyzer));

    public static PersonalDataMasker Masker => s_withPlaces.Value;

    public static PersonalDataMasker WithoutPlaceNames => s_plain.Value;

    public static IReadOnlyList<LocalGovernmentRow> LocalGovernments => s_localGovernments.Value;

    internal sealed record LocalGovernmentRow(string Name, string Kind, string PrefectureCode);

    private static List<LocalGovernmentRow> ReadLocalGovernments()
    {
        using var stream = typeof(LocalGovernment).Assembly.GetManifestResourceStream("Centers/Data/local_governments.csv")
            ?? throw new InvalidOperationException("local_governments.csv is not embedded in Yorisoi.Core.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<LocalGovernmentRow>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            rows.Add(new LocalGovernmentRow(fields[3], fields[2], fields[5].ToString(CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
