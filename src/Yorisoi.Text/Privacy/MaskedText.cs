namespace Yorisoi.Text.Privacy;

/// <summary>Where one piece of personal data was and what replaced it; never the value itself.</summary>
/// <param name="Start">Offset in the original text.</param>
/// <param name="Length">Length in the original text.</param>
/// <param name="MaskedStart">Offset of the placeholder in <see cref="MaskedText.Text"/>.</param>
public readonly record struct MaskedSpan(PersonalDataKind Kind, int Start, int Length, int MaskedStart)
{
    public string Placeholder => PersonalDataPlaceholders.For(Kind);
}

/// <summary>
/// A narrative with its personal data replaced by placeholders. It holds only the masked text and the kinds and
/// positions of what was replaced, so passing it on (to a log, an export, an AI endpoint) cannot leak the originals.
/// </summary>
public sealed class MaskedText
{
    public static readonly MaskedText Empty = new(string.Empty, []);

    internal MaskedText(string text, IReadOnlyList<MaskedSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    public string Text { get; }

    /// <summary>In the order they appear; never overlapping.</summary>
    public IReadOnlyList<MaskedSpan> Spans { get; }

    public bool HasPersonalData => Spans.Count > 0;

    public int Count(PersonalDataKind kind) => Spans.Count(s => s.Kind == kind);

    public override string ToString() => Text;
}
