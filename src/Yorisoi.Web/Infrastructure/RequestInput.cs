using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;
using Yorisoi.Web.Features.Auth;
using Yorisoi.Web.Features.Cases;

namespace Yorisoi.Web.Infrastructure;

/// <summary>
/// The rules every piece of text and every date from a request passes before any endpoint sees it: control characters
/// are removed (PostgreSQL refuses U+0000, and pasted text carries stray ones), text that cannot be read as Unicode is
/// refused, dates stay in a range the date arithmetic and both databases can hold, and text meant for a column is no
/// longer than that column in the EF model.
/// </summary>
public static class RequestInput
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    public static readonly DateOnly LatestDate = new(2999, 12, 31);

    // Every C0 and C1 control character (char.IsControl) except tab, line feed and carriage return, which are layout.
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))]);

    public static bool IsPlausibleDate(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    public static bool HasControlCharacters(string value) => value.AsSpan().ContainsAny(ControlCharacters);

    /// <summary>The text without control characters (other than tab and line breaks).</summary>
    public static string WithoutControlCharacters(string value)
    {
        if (!HasControlCharacters(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!ControlCharacters.Contains(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Lets a text or date be refused at the JSON level; turned into a 400 problem naming the field.</summary>
    public static void AddTo(JsonSerializerOptions options, ColumnLengths columns)
    {
        options.Converters.Add(new CleanTextConverter());
        options.Converters.Add(new PlausibleDateConverter());
        options.Converters.Add(new PlausibleDateTimeOffsetConverter());
        options.Converters.Add(new PlausibleDateTimeConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(columns.LimitTextProperties);
    }

    internal static string ReadText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) is valid JSON but no Unicode text; no database can store it.
            throw new InputRejectedException(InputProblem.UnreadableText);
        }

        return WithoutControlCharacters(value);
    }

    private sealed class CleanTextConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadText(ref reader);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class PlausibleDateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var date = JsonMetadataServices.DateOnlyConverter.Read(ref reader, typeToConvert, options);
            return IsPlausibleDate(date) ? date : throw new InputRejectedException(InputProblem.DateOutOfRange);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            JsonMetadataServices.DateOnlyConverter.Write(writer, value, options);
    }

    private sealed class PlausibleDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var at = JsonMetadataServices.DateTimeOffsetConverter.Read(ref reader, typeToConvert, options);
            return IsPlausibleDate(DateOnly.FromDateTime(at.UtcDateTime)) ? at : throw new InputRejectedException(InputProblem.DateOutOfRange);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            JsonMetadataServices.DateTimeOffsetConverter.Write(writer, value, options);
    }

    private sealed class PlausibleDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var at = JsonMetadataServices.DateTimeConverter.Read(ref reader, typeToConvert, options);
            return IsPlausibleDate(DateOnly.FromDateTime(at)) ? at : throw new InputRejectedException(InputProblem.DateOutOfRange);
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            JsonMetadataServices.DateTimeConverter.Write(writer, value, options);
    }
}

public enum InputProblem
{
    UnreadableText,
    DateOutOfRange,
    TooLong,
}

/// <summary>
/// A JSON value the host refuses. Being a JsonException, System.Text.Json adds the path of the value and the framework
/// reports it as a bad request; <see cref="ApiRegistration"/> turns it into a validation problem naming the field.
/// </summary>
public sealed class InputRejectedException : JsonException
{
    public InputRejectedException()
    {
    }

    public InputRejectedException(string message)
        : base(message)
    {
    }

    public InputRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InputRejectedException(InputProblem problem, int maxLength = 0, string? labelKey = null)
        : base(problem.ToString())
    {
        Problem = problem;
        MaxLength = maxLength;
        LabelKey = labelKey;
    }

    public InputProblem Problem { get; }

    public int MaxLength { get; }

    /// <summary>Resource key of the field's name where the JSON path alone does not name it.</summary>
    public string? LabelKey { get; }

    /// <summary>The field as the validators name it ("Consultant.Name" for $.consultant.name).</summary>
    public string FieldKey => string.Join('.', (Path ?? "$").Split('.').Skip(1)
        .Select(part => part.Split('[')[0])
        .Where(part => part.Length > 0)
        .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    public string FieldLabel
    {
        get
        {
            var key = FieldKey;
            foreach (var candidate in new[] { "Field." + key, LabelKey })
            {
                if (candidate is not null && Messages.Get(candidate) is var label && label != candidate)
                {
                    return label;
                }
            }

            return key.Length > 0 ? key : "JSON";
        }
    }

    public string UserMessage => Problem switch
    {
        InputProblem.TooLong => Messages.Format("Error.TooLong", FieldLabel, MaxLength),
        InputProblem.DateOutOfRange => Messages.Format("Api.DateOutOfRange", FieldLabel,
            RequestInput.EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RequestInput.LatestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => Messages.Format("Api.UnreadableText", FieldLabel),
    };
}

/// <summary>
/// Maximum lengths of the columns that request bodies are written to, read from the EF model, so a request is refused
/// with a message before a database refuses the row with an error. Encrypted columns are skipped: their stored length
/// is the ciphertext's, and the case validator holds the plain values to their own limits.
/// </summary>
public sealed class ColumnLengths(IServiceScopeFactory scopes)
{
    // Which entity each request body (or part of one) is stored as; properties match by name.
    private static readonly Dictionary<Type, Type> StoredAs = new()
    {
        [typeof(CaseInput)] = typeof(Case),
        [typeof(PartyInput)] = typeof(Party),
        [typeof(BusinessInput)] = typeof(Business),
        [typeof(HandlingLogInput)] = typeof(HandlingLogEntry),
        [typeof(TransitionRequest)] = typeof(CaseChange),
        [typeof(ShareRequest)] = typeof(CaseShare),
        [typeof(CenterInput)] = typeof(Center),
        [typeof(StaffUserInput)] = typeof(AppUser),
        [typeof(LoginRequest)] = typeof(AppUser),
    };

    private readonly Lazy<IModel> _model = new(() =>
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<YorisoiDbContext>().Model;
    });

    /// <summary>The maximum length of <paramref name="property"/> of what <paramref name="input"/> is stored as, if limited.</summary>
    public int? MaxLength(Type input, string property)
    {
        if (!StoredAs.TryGetValue(input, out var stored))
        {
            return null;
        }

        return _model.Value.GetEntityTypes().Where(e => e.ClrType == stored)
            .Select(e => e.FindProperty(property))
            .Where(p => p is not null && p.GetValueConverter() is null && p.GetMaxLength() is not null)
            .Select(p => p!.GetMaxLength())
            .Min();
    }

    public void LimitTextProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !StoredAs.ContainsKey(info.Type))
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (property.PropertyType == typeof(string) && property.AttributeProvider is System.Reflection.MemberInfo member
                && MaxLength(info.Type, member.Name) is { } max)
            {
                property.CustomConverter = new LimitedTextConverter(max, $"Field.{info.Type.Name}.{member.Name}");
            }
        }
    }

    private sealed class LimitedTextConverter(int maxLength, string labelKey) : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = RequestInput.ReadText(ref reader);
            // Normalisation may lengthen text (㍿ becomes 株式会社), and the stored value is the normalised one.
            return value.Length > maxLength || (value.IsNormalized(NormalizationForm.FormKC) ? value : value.Normalize(NormalizationForm.FormKC)).Length > maxLength
                ? throw new InputRejectedException(InputProblem.TooLong, maxLength, labelKey)
                : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
