using Yorisoi.Core.Cases;

namespace Yorisoi.Bench;

/// <summary>
/// When cases arrive: weekdays in office hours (9:00–17:00 Japan time), few at weekends, almost none over the
/// New Year holidays, busier in March–April (contract season) and quieter in August and December.
/// </summary>
public static class CaseSchedule
{
    private static readonly double[] MonthFactor = [0, 0.9, 1.0, 1.15, 1.1, 1.0, 1.0, 1.0, 0.9, 0.95, 1.0, 1.0, 0.85];

    /// <summary><paramref name="count"/> receipt times from <paramref name="from"/> up to the end of yesterday (Japan time), ascending.</summary>
    public static IEnumerable<DateTimeOffset> Times(int count, DateTimeOffset from, DateTime today, Random random)
    {
        var first = FiscalYear.ToJapanTime(from).Date;
        var days = new List<(DateTime Day, double Weight)>();
        for (var day = first; day < today; day = day.AddDays(1))
        {
            days.Add((day, Weight(day)));
        }

        if (days.Count == 0)
        {
            throw new ArgumentException("The period has no days before today.", nameof(from));
        }

        var total = days.Sum(d => d.Weight);
        var produced = 0;
        var cumulative = 0.0;
        var japan = TimeSpan.FromHours(9);
        var minutes = new List<double>();
        foreach (var (day, weight) in days)
        {
            cumulative += weight;
            var target = (int)Math.Round(count * cumulative / total);
            var n = target - produced;
            produced = target;
            minutes.Clear();
            for (var i = 0; i < n; i++)
            {
                minutes.Add(random.NextDouble() * 8 * 60);
            }

            minutes.Sort();
            var opening = new DateTimeOffset(day.Year, day.Month, day.Day, 9, 0, 0, japan);
            foreach (var m in minutes)
            {
                yield return opening.AddMinutes(m).ToUniversalTime();
            }
        }
    }

    private static double Weight(DateTime day)
    {
        if ((day.Month == 12 && day.Day >= 29) || (day.Month == 1 && day.Day <= 3))
        {
            return 0.02;
        }

        var weekday = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => 0.08,
            DayOfWeek.Sunday => 0.03,
            _ => 1.0,
        };
        return weekday * MonthFactor[day.Month];
    }
}
