using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>
/// Reads decimals without the column's trailing zeros: <c>numeric(18,4)</c> hands 12.5 back as 12.5000, which a
/// template would render as such. Dividing by 1.000…0 is the exact way to drop a decimal's trailing zeros.
/// </summary>
internal sealed class NormalizedDecimalConverter() : ValueConverter<decimal, decimal>(
    value => value,
    value => value / 1.0000000000000000000000000000m);
