using System.Reflection;
using FlowCompiler.Runtime.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>
/// Maps every row class of <see cref="FlowTables"/> as an entity: table and column names are the flow names,
/// <c>id</c> is the key. Constraints and indexes are added by <see cref="PanelTableConstraints"/>.
/// </summary>
internal static class PanelTableMapping
{
    /// <summary>Adds every panel table to <paramref name="model"/>.</summary>
    public static void Apply(ModelBuilder model)
    {
        foreach (var rowType in FlowTables.All)
        {
            var entity = model.Entity(rowType);
            entity.ToTable(FlowColumnName.TableOf(rowType));
            entity.HasKey(nameof(ServerRow.Id));
            foreach (var property in rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var column = entity.Property(property.Name).HasColumnName(FlowColumnName.Of(property));
                if (property.PropertyType == typeof(IReadOnlyDictionary<string, string>))
                {
                    column.HasConversion(new StringMapConverter(), StringMapConverter.Comparer);
                }
            }
        }
    }
}
