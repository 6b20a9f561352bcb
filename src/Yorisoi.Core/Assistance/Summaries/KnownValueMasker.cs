using System.Text;
using System.Text.RegularExpressions;
using Yorisoi.Text.Privacy;

namespace Yorisoi.Core.Assistance.Summaries;

/// <summary>One personal value stored on the case (decrypted in memory only) and the kind it is masked as.</summary>
public readonly record struct KnownPersonalValue(PersonalDataKind Kind, string Value);

/// <summary>
/// Replaces the case's own stored personal values wherever they occur in a text, before the pattern masker runs. The
/// patterns find what looks like a name or an address; this finds what the case says is one, which catches the
/// unusual name MeCab does not know and the address written without a block number.
/// </summary>
/// <remarks>
/// Matching tolerates the ways a counselor retypes a value: full- or half-width digits and letters, any dash, spaces
/// or none (「山田 花子」 and 「山田花子」), letter case in an e-mail address, and separators between the digits of a
/// telephone number or postal code. Each part of a name of two characters or more is masked on its own too, as a
/// narrative usually says 「山田さん」.
/// </remarks>
public static class KnownValueMasker
{
    /// <summary>Shorter values (a one-character given name) would mask ordinary words.</summary>
    public const int MinimumLength = 2;

    /// <summary>Digits of a phone number or postal code with anything but digits between them.</summary>
    private const string DigitSeparators = @"[\s\u3000\-‐‑–—―−－ー()（）.]*";

    public static string Mask(string? text, IReadOnlyCollection<KnownPersonalValue> values)
    {
        if (string.IsNullOrEmpty(text) || values.Count == 0)
        {
            return text ?? string.Empty;
        }

        var result = text;
        // Longest first, so that a full name is replaced whole before its surname alone.
        foreach (var (kind, pattern) in Patterns(values))
        {
            result = pattern.Replace(result, PersonalDataPlaceholders.For(kind));
        }

        return result;
    }

    private static IEnumerable<(PersonalDataKind Kind, Regex Pattern)> Patterns(IReadOnlyCollection<KnownPersonalValue> values)
    {
        var variants = new List<(PersonalDataKind Kind, string Value, string Pattern)>();
        foreach (var (kind, raw) in values)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            switch (kind)
            {
                case PersonalDataKind.PhoneNumber or PersonalDataKind.PostalCode or PersonalDataKind.BankAccount or PersonalDataKind.CardNumber or PersonalDataKind.MyNumber:
                    var digits = new string([.. value.Where(char.IsAsciiDigit).Concat(value.Where(c => c is >= '０' and <= '９').Select(c => (char)('0' + c - '０')))]);
                    if (digits.Length >= 4)
                    {
                        // Not inside a longer number: 03-1234-5678 must not eat the digits of 103-1234-56789.
                        variants.Add((kind, digits, @"(?<![0-9０-９])" + string.Join(DigitSeparators, digits.Select(Digit)) + @"(?![0-9０-９])"));
                    }

                    break;
                case PersonalDataKind.PersonName:
                    var parts = value.Split([' ', '\u3000', '・', '･'], StringSplitOptions.RemoveEmptyEntries);
                    AddLoose(variants, kind, string.Concat(parts), spacesBetween: true);
                    foreach (var part in parts.Where(p => p.Length >= MinimumLength))
                    {
                        AddLoose(variants, kind, part, spacesBetween: false);
                    }

                    break;
                default:
                    AddLoose(variants, kind, value, spacesBetween: false);
                    break;
            }
        }

        return variants
            .DistinctBy(v => v.Pattern, StringComparer.Ordinal)
            .OrderByDescending(v => v.Value.Length)
            .Select(v => (v.Kind, new Regex(v.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))));
    }

    private static void AddLoose(List<(PersonalDataKind, string, string)> variants, PersonalDataKind kind, string value, bool spacesBetween)
    {
        if (value.Length < MinimumLength)
        {
            return;
        }

        var pattern = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && spacesBetween)
            {
                pattern.Append(@"[\s\u3000・･]?");
            }

            pattern.Append(Loose(value[i]));
        }

        variants.Add((kind, value, pattern.ToString()));
    }

    private static string Loose(char c)
    {
        if (char.IsAsciiDigit(c) || c is >= '０' and <= '９')
        {
            return Digit(c is >= '０' and <= '９' ? (char)('0' + c - '０') : c);
        }

        if (char.IsAsciiLetter(c) || c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ')
        {
            var ascii = c > '\u007f' ? (char)(c - 'Ａ' + 'A') : c;
            var upper = char.ToUpperInvariant(ascii);
            var lower = char.ToLowerInvariant(ascii);
            return $"[{upper}{lower}{(char)(upper - 'A' + 'Ａ')}{(char)(lower - 'a' + 'ａ')}]";
        }

        if (c is '-' or '‐' or '‑' or '–' or '—' or '―' or '−' or '－' or 'ー')
        {
            return @"[\-‐‑–—―−－ー]";
        }

        if (c is ' ' or '\u3000')
        {
            return @"[\s\u3000]*";
        }

        return c switch
        {
            '@' or '＠' => "[@＠]",
            '.' or '．' => @"[.．]",
            _ => Regex.Escape(c.ToString()),
        };
    }

    private static string Digit(char d) => $"[{d}{(char)('０' + d - '0')}]";
}
