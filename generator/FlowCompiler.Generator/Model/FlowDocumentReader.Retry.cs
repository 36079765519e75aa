using System.Globalization;
using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Model;

// A node's optional "retry" (spec §5, "Retries"): allowed on node types that do I/O, each member optional and in range.
public static partial class FlowDocumentReader
{
    /// <summary>The most attempts a node's <c>retry</c> may ask for.</summary>
    public const int MaxRetryAttempts = 20;

    /// <summary>The longest wait a node's <c>retry</c> may ask for: one day, in milliseconds.</summary>
    public const int MaxRetryDelayMs = 86_400_000;

    private sealed partial class Reader
    {
        private const string RetryMembers = "attempts, initialDelayMs, multiplier, maxDelayMs, jitter";

        private NodeRetry? ReadRetry(JsonElement value, string path, string nodeId, NodeTypeSpec? spec)
        {
            if (!ExpectKind(value, JsonValueKind.Object, path, nodeId, "an object { \"attempts\": 5, \"initialDelayMs\": 1000, ... }"))
            {
                return null;
            }

            if (spec is { Retry: null })
            {
                var io = string.Join(", ", NodeTypes.All.Where(t => t.Retry is not null).Select(t => t.Type));
                diagnostics.Error(DiagnosticCodes.InvalidRetry, nodeId, path,
                    $"a {spec.Type} node does no I/O, so it has nothing to retry; remove \"retry\" (it applies to {io}).");
                return null;
            }

            int? attempts = null, initialDelay = null, maxDelay = null;
            double? multiplier = null, jitter = null;
            var valid = true;
            foreach (var property in UniqueProperties(value, path, nodeId))
            {
                var memberPath = JsonPathText.Property(path, property.Name);
                switch (property.Name)
                {
                    case "attempts": attempts = Whole(property.Value, memberPath, 1, MaxRetryAttempts, "attempts in all, the first included"); break;
                    case "initialDelayMs": initialDelay = Whole(property.Value, memberPath, 0, MaxRetryDelayMs, "milliseconds"); break;
                    case "maxDelayMs": maxDelay = Whole(property.Value, memberPath, 0, MaxRetryDelayMs, "milliseconds"); break;
                    case "multiplier": multiplier = Fraction(property.Value, memberPath, 1, 10); break;
                    case "jitter": jitter = Fraction(property.Value, memberPath, 0, 1); break;
                    default: UnknownProperty(memberPath, nodeId, RetryMembers); valid = false; break;
                }
            }

            if (initialDelay is { } first && maxDelay is { } longest && longest < first)
            {
                diagnostics.Error(DiagnosticCodes.InvalidRetry, nodeId, JsonPathText.Property(path, "maxDelayMs"),
                    $"maxDelayMs ({longest}) is shorter than initialDelayMs ({first}); make it at least {first}.");
                valid = false;
            }

            return valid ? new NodeRetry(attempts, initialDelay, multiplier, maxDelay, jitter) : null;

            int? Whole(JsonElement member, string at, int min, int max, string unit) =>
                InRange(member, at, min, max, whole: true, $" ({unit})") is { } number ? (int)number : null;

            double? Fraction(JsonElement member, string at, double min, double max) => InRange(member, at, min, max, whole: false, "");

            double? InRange(JsonElement member, string at, double min, double max, bool whole, string unit)
            {
                var kind = whole ? "whole number" : "number";
                valid &= ExpectKind(member, JsonValueKind.Number, at, nodeId, "a " + kind);
                if (member.ValueKind != JsonValueKind.Number)
                {
                    return null;
                }

                double? number = whole ? (member.TryGetInt32(out var integer) ? integer : null) : (member.TryGetDouble(out var real) ? real : null);
                if (number >= min && number <= max)
                {
                    return number;
                }

                diagnostics.Error(DiagnosticCodes.InvalidRetry, nodeId, at,
                    $"{member.GetRawText()} is not a {kind} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}{unit}.");
                valid = false;
                return null;
            }
        }
    }
}
