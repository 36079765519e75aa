using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>Stores a status as the lower-case word the spec and the run JSON use (<c>succeeded</c>, <c>failed</c>, <c>skipped</c>).</summary>
internal sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.ToString().ToLowerInvariant(),
    text => Enum.Parse<TEnum>(text, ignoreCase: true))
    where TEnum : struct, Enum;
