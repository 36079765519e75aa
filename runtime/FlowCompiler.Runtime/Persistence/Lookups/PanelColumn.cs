using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Persistence.Mapping;

namespace FlowCompiler.Runtime.Persistence.Lookups;

/// <summary>
/// A column of a panel table addressed by its flow name, and the <c>column = value</c> predicate on it. The
/// value is converted to the column's type first (a <c>dbJoin</c> may join a string field to an int column);
/// a value that cannot be such a column's value matches nothing, as in SQL.
/// </summary>
internal sealed class PanelColumn
{
    private readonly PropertyInfo _property;

    private PanelColumn(PropertyInfo property) => _property = property;

    /// <summary>The column <paramref name="column"/> of <typeparamref name="TRow"/>'s table, checked against <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException">The table is not <typeparamref name="TRow"/>'s, or it has no such column; the message lists the columns.</exception>
    public static PanelColumn Of<TRow>(string table, string column)
    {
        var rowTable = FlowTables.All.Contains(typeof(TRow))
            ? FlowColumnName.TableOf(typeof(TRow))
            : throw new ArgumentException($"{typeof(TRow).Name} is not a panel table row; use one of {string.Join(", ", FlowTables.All.Select(t => t.Name))}.");
        if (!string.Equals(rowTable, table, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Table \"{table}\" does not hold {typeof(TRow).Name} rows (those are in \"{rowTable}\").");
        }

        var properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var property = properties.FirstOrDefault(p => FlowColumnName.Of(p) == column)
            ?? throw new ArgumentException($"Table \"{table}\" has no column \"{column}\"; its columns are {string.Join(", ", properties.Select(FlowColumnName.Of))}.");
        if (property.PropertyType == typeof(IReadOnlyDictionary<string, string>))
        {
            throw new ArgumentException($"Column \"{table}.{column}\" is a key-value map and cannot be joined on; join on another column.");
        }

        return new PanelColumn(property);
    }

    /// <summary><c>row.Column == value</c>, with the value as a query parameter; null when no row can match.</summary>
    public Expression<Func<TRow, bool>>? EqualsValue<TRow>(object? value)
    {
        var type = _property.PropertyType;
        if (ConvertTo(Nullable.GetUnderlyingType(type) ?? type, value) is not { } converted)
        {
            return null;
        }

        // A captured box, not a constant, so EF sends the value as a parameter and reuses one query plan.
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), converted)!;
        var row = Expression.Parameter(typeof(TRow), "row");
        var parameter = Expression.Field(Expression.Constant(box), nameof(StrongBox<int>.Value));
        return Expression.Lambda<Func<TRow, bool>>(Expression.Equal(Expression.Property(row, _property), parameter), row);
    }

    private static object? ConvertTo(Type target, object? value)
    {
        var invariant = CultureInfo.InvariantCulture;
        return (target, value) switch
        {
            (_, null) => null,
            (_, _) when value.GetType() == target => value,
            (var t, int i) when t == typeof(string) => i.ToString(invariant),
            (var t, long l) when t == typeof(string) => l.ToString(invariant),
            (var t, decimal d) when t == typeof(string) => d.ToString(invariant),
            (var t, bool b) when t == typeof(string) => b ? "true" : "false",
            (var t, DateTime d) when t == typeof(string) => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant),
            (var t, long l) when t == typeof(int) => l is >= int.MinValue and <= int.MaxValue ? (int)l : null,
            (var t, decimal d) when t == typeof(int) => d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null,
            (var t, bool b) when t == typeof(int) => b ? 1 : 0,
            (var t, string s) when t == typeof(int) => int.TryParse(s.Trim(), NumberStyles.Integer, invariant, out var i) ? i : null,
            (var t, int i) when t == typeof(decimal) => (decimal)i,
            (var t, long l) when t == typeof(decimal) => (decimal)l,
            (var t, string s) when t == typeof(decimal) => decimal.TryParse(s.Trim(), NumberStyles.Number, invariant, out var d) ? d : null,
            (var t, string s) when t == typeof(DateTime) =>
                DateTime.TryParse(s.Trim(), invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null,
            _ => null,
        };
    }
}
