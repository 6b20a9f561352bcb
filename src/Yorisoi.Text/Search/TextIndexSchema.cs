namespace Yorisoi.Text.Search;

public enum FieldKind
{
    /// <summary>Free text analysed three ways (recall bigrams, MeCab base forms, readings) and stored for snippets.</summary>
    Text,

    /// <summary>Exact values (codes, receipt numbers, business keys) for filters and facets.</summary>
    Keyword,

    /// <summary>64-bit integers (amounts) for range filters and sorting.</summary>
    Number,

    /// <summary>Points in time (stored as UTC ticks) for range filters and sorting.</summary>
    Date,
}

/// <summary>One field of the index. <see cref="Aliases"/> are the names users type in queries (事業者:, 受付番号:).</summary>
public sealed record FieldDefinition(string Name, FieldKind Kind, IReadOnlyList<string> Aliases, bool Facet, Func<string, string>? Key)
{
    /// <summary>Weight of a match in this text field against the others (a FAQ's question counts more than its answer).</summary>
    public float Boost { get; init; } = 1f;

    public const string RecallSuffix = "";
    public const string PrecisionSuffix = "$ja";
    public const string ReadingSuffix = "$yomi";

    public string PrecisionField => Name + PrecisionSuffix;

    public string ReadingField => Name + ReadingSuffix;

    /// <summary>The term a keyword value is indexed and searched as.</summary>
    public string KeyOf(string value) => Key is null ? value.Trim() : Key(value);
}

/// <summary>Which fields the index has and how users may name them in queries.</summary>
public sealed class TextIndexSchema
{
    public const string IdField = "$id";

    private readonly Dictionary<string, FieldDefinition> _byName;

    private TextIndexSchema(List<FieldDefinition> fields)
    {
        Fields = fields;
        _byName = new Dictionary<string, FieldDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            _byName[field.Name] = field;
            foreach (var alias in field.Aliases)
            {
                _byName[JapaneseNormalizer.NormalizeText(alias, numerals: false)] = field;
            }
        }
    }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    public IEnumerable<FieldDefinition> TextFields => Fields.Where(f => f.Kind == FieldKind.Text);

    public static Builder Create() => new();

    /// <summary>The field a user means by a name or alias (case, width insensitive), or null.</summary>
    public FieldDefinition? Resolve(string nameOrAlias) =>
        _byName.TryGetValue(JapaneseNormalizer.NormalizeText(nameOrAlias, numerals: false), out var field) ? field : null;

    public FieldDefinition Get(string name) =>
        _byName.TryGetValue(name, out var field) ? field : throw new ArgumentException($"The index has no field '{name}'.", nameof(name));

    public sealed class Builder
    {
        private readonly List<FieldDefinition> _fields = [];

        public Builder Text(string name, params string[] aliases) => Add(new FieldDefinition(name, FieldKind.Text, aliases, false, null));

        /// <summary>A text field whose matches weigh <paramref name="boost"/> times those of a field of weight 1.</summary>
        public Builder Text(string name, float boost, params string[] aliases) =>
            Add(new FieldDefinition(name, FieldKind.Text, aliases, false, null) { Boost = boost > 0 ? boost : throw new ArgumentOutOfRangeException(nameof(boost)) });

        public Builder Keyword(string name, bool facet = false, Func<string, string>? key = null, params string[] aliases) =>
            Add(new FieldDefinition(name, FieldKind.Keyword, aliases, facet, key));

        public Builder Number(string name, params string[] aliases) => Add(new FieldDefinition(name, FieldKind.Number, aliases, false, null));

        public Builder Date(string name, params string[] aliases) => Add(new FieldDefinition(name, FieldKind.Date, aliases, false, null));

        public TextIndexSchema Build()
        {
            if (!_fields.Any(f => f.Kind == FieldKind.Text))
            {
                throw new InvalidOperationException("An index needs at least one text field.");
            }

            return new TextIndexSchema([.. _fields]);
        }

        private Builder Add(FieldDefinition field)
        {
            if (field.Name.Contains('$', StringComparison.Ordinal) || _fields.Any(f => f.Name.Equals(field.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"Field name '{field.Name}' is taken or contains '$'.", nameof(field));
            }

            _fields.Add(field);
            return this;
        }
    }
}

/// <summary>One document to index: its id (the database key) and field values by field name.</summary>
public sealed class IndexDocument(string id)
{
    public string Id { get; } = id;

    internal Dictionary<string, List<string>> Texts { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, List<string>> Keywords { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, long> Numbers { get; } = new(StringComparer.Ordinal);

    public IndexDocument Text(string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            (Texts.TryGetValue(field, out var list) ? list : Texts[field] = []).Add(value);
        }

        return this;
    }

    public IndexDocument Keyword(string field, params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                (Keywords.TryGetValue(field, out var list) ? list : Keywords[field] = []).Add(value);
            }
        }

        return this;
    }

    public IndexDocument Number(string field, long value)
    {
        Numbers[field] = value;
        return this;
    }

    public IndexDocument Date(string field, DateTimeOffset value)
    {
        Numbers[field] = value.UtcTicks;
        return this;
    }
}
