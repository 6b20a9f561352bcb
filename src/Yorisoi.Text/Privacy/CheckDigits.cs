namespace Yorisoi.Text.Privacy;

/// <summary>The check digits that tell a card number or a My Number from any other long number.</summary>
internal static class CheckDigits
{
    /// <summary>Luhn (ISO/IEC 7812), used by every payment card brand.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return digits.Length > 0 && sum % 10 == 0;
    }

    /// <summary>
    /// The check digit of an individual number (マイナンバー), as the ordinance on the My Number Act defines it:
    /// weights 2–7 then 2–6 from the right over the first eleven digits, 11 minus the remainder mod 11 (0 when ≤ 1).
    /// </summary>
    public static bool IsMyNumberValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 12)
        {
            return false;
        }

        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            var p = digits[11 - n] - '0';
            var q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }

        var remainder = sum % 11;
        var check = remainder <= 1 ? 0 : 11 - remainder;
        return digits[11] - '0' == check;
    }
}
