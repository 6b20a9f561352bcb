using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Yorisoi.Text.Analysis;

/// <summary>A word's IPADIC feature, split once: part of speech, its sub-categories, base form and reading.</summary>
/// <param name="BaseForm">Null when the dictionary has none ("*"): the surface is the base form.</param>
internal sealed record ParsedFeature(string PartOfSpeech, string Detail, string? BaseForm, string? Reading)
{
    public static ParsedFeature From(string feature)
    {
        var token = RawToken.FromFeature(string.Empty, feature, 0, unknown: false);
        return new ParsedFeature(token.PartOfSpeech, token.Detail, token.BaseForm.Length == 0 ? null : token.BaseForm, token.Reading);
    }
}

/// <summary>
/// Parsed features by the address MeCab gives them. A known word's feature is a string inside the mapped dictionary,
/// so the same word comes back with the same address; decoding and splitting it once instead of at every occurrence
/// halves the cost of analysis on top of MeCab's own. Each hit is checked byte for byte against the cached text, so an
/// address that now holds something else (an unknown word's feature built in a reused buffer) is decoded afresh.
/// </summary>
internal sealed unsafe class FeatureCache
{
    /// <summary>IPADIC has about 390,000 entries; real text uses a small share of them.</summary>
    private const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<nint, (byte[] Bytes, ParsedFeature Feature)> _entries = new();

    public ParsedFeature Get(byte* feature)
    {
        if (feature is null)
        {
            return ParsedFeature.From(string.Empty);
        }

        if (_entries.TryGetValue((nint)feature, out var entry) && Same(feature, entry.Bytes))
        {
            return entry.Feature;
        }

        var length = 0;
        while (feature[length] != 0)
        {
            length++;
        }

        var bytes = new ReadOnlySpan<byte>(feature, length).ToArray();
        var parsed = ParsedFeature.From(Marshal.PtrToStringUTF8((nint)feature, length));
        if (_entries.Count < MaxEntries)
        {
            _entries[(nint)feature] = (bytes, parsed);
        }

        return parsed;
    }

    /// <summary>Byte for byte up to the terminating zero, never reading past the end of the string at the address.</summary>
    private static bool Same(byte* feature, byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (feature[i] != bytes[i])
            {
                return false;
            }
        }

        return feature[bytes.Length] == 0;
    }
}
