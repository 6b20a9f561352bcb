using System.Text;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Privacy;

/// <summary>
/// Replaces the personal data in a Japanese case narrative (names, telephone numbers, e-mail addresses, street
/// addresses, postal codes, bank accounts, card numbers, My Numbers, dates of birth) with placeholders such as 〔氏名〕,
/// leaving every other character where it was. Used before a narrative goes to national analysis or to an external
/// AI endpoint. Thread-safe: all state is read-only after construction.
/// </summary>
/// <remarks>
/// Privacy comes before readability here: where a finder is unsure it masks, and overlapping findings are masked as
/// one. Every phone number is masked, the business's included, since analysis has that number in its own field.
/// </remarks>
public sealed class PersonalDataMasker
{
    private readonly AddressFinder _addresses;
    private readonly NameFinder _names;

    public PersonalDataMasker(IMorphologicalAnalyzer analyzer, PersonalDataMaskerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        options ??= new PersonalDataMaskerOptions();
        _addresses = new AddressFinder(options.PlaceNames);
        var notNames = new HashSet<string>(KnownNotNames, StringComparer.Ordinal);
        notNames.UnionWith(options.NotNames.Select(n => JapaneseNormalizer.NormalizeText(n, numerals: false)));
        _names = new NameFinder(analyzer, notNames);
    }

    /// <summary>
    /// Words IPADIC lists as names that narratives use as something else (measured on tests/Evaluation: コール in
    /// コールセンター, 繰上 in 繰上返済; ローソン and 丸井 are shops). Surnames that are also brands or places (本田,
    /// 神田, 大塚) are not here: a missed person costs more than a masked shop.
    /// </summary>
    private static readonly string[] KnownNotNames = ["コール", "繰上", "ローソン", "丸井"];

    public MaskedText Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return MaskedText.Empty;
        }

        var normalized = JapaneseNormalizer.Normalize(text, numerals: false);
        var inNormalized = new List<Finding>();
        NumberFinder.Find(normalized.Text, inNormalized);
        _addresses.Find(normalized.Text, inNormalized);

        var found = new List<Finding>(inNormalized.Count + 8);
        foreach (var f in inNormalized)
        {
            var (start, length) = normalized.ToOriginal(f.Start, f.Length);
            if (length > 0)
            {
                found.Add(f with { Start = start, End = start + length });
            }
        }

        _names.Find(text, found);
        return Replace(text, Merge(text, found));
    }

    /// <summary>
    /// Overlapping findings become one, named after the longest (on a tie, anything but an address, whose trailing
    /// room number finder may have reached into a telephone number). Names separated only by a space or ・ join, so
    /// 「山田 太郎」 is one 〔氏名〕.
    /// </summary>
    private static List<Finding> Merge(string text, List<Finding> found)
    {
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<Finding>(found.Count);
        foreach (var f in found)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                var joins = f.Start < last.End
                    || (f.Kind == PersonalDataKind.PersonName && last.Kind == PersonalDataKind.PersonName && OnlySeparators(text, last.End, f.Start));
                if (joins)
                {
                    var kind = f.Length > last.Length || (f.Length == last.Length && last.Kind == PersonalDataKind.Address) ? f.Kind : last.Kind;
                    merged[^1] = new Finding(kind, last.Start, Math.Max(last.End, f.End));
                    continue;
                }
            }

            merged.Add(f);
        }

        return merged;
    }

    private static bool OnlySeparators(string text, int start, int end) =>
        end - start <= 2 && text.AsSpan(start, end - start).IndexOfAnyExcept(" 　・･") < 0;

    private static MaskedText Replace(string text, List<Finding> spans)
    {
        if (spans.Count == 0)
        {
            return new MaskedText(text, []);
        }

        var builder = new StringBuilder(text.Length);
        var result = new MaskedSpan[spans.Count];
        var pos = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            builder.Append(text, pos, s.Start - pos);
            result[i] = new MaskedSpan(s.Kind, s.Start, s.Length, builder.Length);
            builder.Append(PersonalDataPlaceholders.For(s.Kind));
            pos = s.End;
        }

        builder.Append(text, pos, text.Length - pos);
        return new MaskedText(builder.ToString(), result);
    }
}
