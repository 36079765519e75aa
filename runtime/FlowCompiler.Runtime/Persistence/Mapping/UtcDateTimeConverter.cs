using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>
/// Every datetime is UTC (spec §3). SQLite and SQL Server do not keep the kind, and Npgsql refuses a
/// non-UTC value for <c>timestamptz</c>, so values are made UTC on the way in and marked UTC on the way out.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
