namespace Yorisoi.Core.Assistance.Rules;

/// <summary>How the laws the rules cite count their periods.</summary>
public static class LegalPeriods
{
    /// <summary>The day the age of majority fell from 20 to 18 (民法第4条, 平成30年法律第59号).</summary>
    public static readonly DateOnly MajorityReform = new(2022, 4, 1);

    /// <summary>
    /// The last day of a period of <paramref name="days"/> days 「起算して」 from <paramref name="firstDay"/>, which counts
    /// as day 1 (特定商取引法のクーリング・オフ): a document received on 11/1 gives 11/8 for 8 days.
    /// </summary>
    public static DateOnly LastDayCountingFrom(DateOnly firstDay, int days) => firstDay.AddDays(days - 1);

    /// <summary>
    /// The last day of a period of years from an act done during a day (「契約の締結の時から1年」): the day of the act is not
    /// counted (民法第140条), so the period starts the next day.
    /// </summary>
    public static DateOnly YearsFromAct(DateOnly act, int years) => YearsFromStartOfDay(act.AddDays(1), years);

    /// <summary>
    /// The last day of a period of years that starts at the beginning of <paramref name="firstDay"/>: the day before the
    /// corresponding day, or the end of the month when that month has no such day (民法第143条第2項).
    /// </summary>
    public static DateOnly YearsFromStartOfDay(DateOnly firstDay, int years)
    {
        var corresponding = firstDay.AddYears(years);

        // AddYears turns 29 February into 28 February in a common year: that month has no corresponding day, so the
        // period ends on its last day, the 28th itself.
        var noCorrespondingDay = firstDay is { Month: 2, Day: 29 } && corresponding.Day == 28;
        return noCorrespondingDay ? corresponding : corresponding.AddDays(-1);
    }

    /// <summary>
    /// The first day a person is of <paramref name="age"/>: one attains an age at the end of the day before the birthday
    /// (年齢計算ニ関スル法律), so it is the birthday, and 1 March in a common year for a 29 February birth.
    /// </summary>
    public static DateOnly FirstDayOfAge(DateOnly birthDate, int age) => birthDate.AddDays(-1).AddYears(age).AddDays(1);

    /// <summary>The age on a date, counted as 年齢計算ニ関スル法律 does.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        while (age > 0 && FirstDayOfAge(birthDate, age) > date)
        {
            age--;
        }

        return age;
    }

    /// <summary>The age of majority for a contract made on <paramref name="contractDate"/>: 20 before 2022-04-01, 18 from it.</summary>
    public static int MajorityAgeOn(DateOnly contractDate) => contractDate < MajorityReform ? 20 : 18;

    /// <summary>
    /// The first day the person is of full age: the 20th birthday if it came before the reform; 2022-04-01 for those
    /// who were 18 or 19 that day (they came of age on it); otherwise the 18th birthday.
    /// </summary>
    public static DateOnly MajorityDate(DateOnly birthDate)
    {
        var twentieth = FirstDayOfAge(birthDate, 20);
        if (twentieth < MajorityReform)
        {
            return twentieth;
        }

        var eighteenth = FirstDayOfAge(birthDate, 18);
        return eighteenth < MajorityReform ? MajorityReform : eighteenth;
    }

    /// <summary>Days from <paramref name="today"/> to <paramref name="deadline"/>: 0 on the last day, negative after it.</summary>
    public static int DaysLeft(DateOnly today, DateOnly deadline) => deadline.DayNumber - today.DayNumber;
}
