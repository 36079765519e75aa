using System.Collections.Immutable;

namespace FlowCompiler.Tests.Interpretation;

/// <summary>The kinds of value the random flows use a field as.</summary>
internal enum FieldKind
{
    Int,
    Decimal,
    String,
    Bool,
    DateTime,

    /// <summary>An array itself (<c>charges</c>, <c>tags</c>): only empty/notEmpty apply.</summary>
    List,
}

/// <summary>A field path a random node may use.</summary>
/// <param name="Path">The path as written.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Nullable">Whether it can be null.</param>
/// <param name="Array">The array the path passes through (<c>charges</c>, <c>out3.items</c>), or null.</param>
internal sealed record ScopeField(string Path, FieldKind Kind, bool Nullable, string? Array = null)
{
    public string Root => Path.Split('.')[0];
}

/// <summary>What a random node sees: the fields of the event and of the outputs above it, and the arrays narrowed on its path.</summary>
internal sealed record ScopeModel(ImmutableList<ScopeField> Fields, ImmutableHashSet<string> Narrowed)
{
    public bool IsMany(ScopeField field) => field.Array is not null && !Narrowed.Contains(field.Array);

    public ScopeModel With(IEnumerable<ScopeField> fields) => this with { Fields = Fields.AddRange(fields) };

    public ScopeModel WithNarrowed(string array) => this with { Narrowed = Narrowed.Add(array) };

    public IReadOnlyList<ScopeField> Scalars(bool single = false) =>
        [.. Fields.Where(f => f.Kind != FieldKind.List && (!single || !IsMany(f)))];

    public IReadOnlyList<ScopeField> Of(FieldKind kind, bool single = false) =>
        [.. Fields.Where(f => f.Kind == kind && (!single || !IsMany(f)))];

    public static ScopeModel ForEvent(string eventName) => new(
        eventName switch
        {
            "server.created" =>
            [
                new("id", FieldKind.Int, false), new("vmid", FieldKind.Int, false), new("userid", FieldKind.Int, false),
                new("hostname", FieldKind.String, false), new("cpu", FieldKind.Int, false), new("ram", FieldKind.Int, false),
                new("os", FieldKind.String, false), new("ip", FieldKind.String, true), new("ip6", FieldKind.String, true),
                new("node", FieldKind.String, false), new("createdAt", FieldKind.DateTime, false),
                new("nextPayment", FieldKind.DateTime, true), new("packageId", FieldKind.Int, true), new("status", FieldKind.String, false),
                new("charges", FieldKind.List, false, "charges"), new("charges.id", FieldKind.Int, false, "charges"),
                new("charges.amount", FieldKind.Decimal, false, "charges"), new("charges.description", FieldKind.String, false, "charges"),
            ],
            "account.registration" =>
            [
                new("id", FieldKind.Int, false), new("name", FieldKind.String, false), new("email", FieldKind.String, false),
                new("register", FieldKind.DateTime, false), new("permission", FieldKind.Int, false),
                new("confirmationToken", FieldKind.String, true),
            ],
            _ =>
            [
                new("id", FieldKind.Int, false), new("userid", FieldKind.Int, false), new("balance", FieldKind.Decimal, false),
            ],
        },
        []);
}
