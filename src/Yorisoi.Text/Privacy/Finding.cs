namespace Yorisoi.Text.Privacy;

/// <summary>One piece of personal data found by a finder, as a half-open range [Start, End).</summary>
internal readonly record struct Finding(PersonalDataKind Kind, int Start, int End)
{
    public int Length => End - Start;
}
