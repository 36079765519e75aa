using System.Collections.Immutable;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Generator.Binding;

/// <summary>
/// Resolves field paths against a node's scope, and explains a path that does not resolve: which
/// fields exist there and which one was probably meant.
/// </summary>
public static class PathBinder
{
    /// <summary>
    /// What <see cref="Bind"/> accepts as a path before it looks anything up, as a JSON Schema pattern: field names
    /// separated by dots, with white space around the whole path allowed (it is trimmed).
    /// </summary>
    public const string Pattern = @"^\s*[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\s*$";

    private const int MaxListedFields = 60;

    /// <summary>Resolves <paramref name="text"/>; reports FLOW0019 and returns null when it does not resolve.</summary>
    public static BoundPath? Bind(string text, Scope scope, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        var segments = text.Trim().Split('.');
        if (segments.Any(s => !FlowIdentifiers.IsFieldName(s)))
        {
            diagnostics.Error(DiagnosticCodes.UnknownField, nodeId, jsonPath,
                $"\"{DiagnosticText.Printable(text)}\" is not a field path; write names separated by dots, e.g. \"user.email\". Fields here: {ListFields(scope)}.");
            return null;
        }

        var root = scope.Find(segments[0]);
        if (root is null)
        {
            var suggestion = NameSuggester.Closest(text, AllPaths(scope)) ?? NameSuggester.Closest(segments[0], scope.Variables.Select(v => v.Name));
            diagnostics.Error(DiagnosticCodes.UnknownField, nodeId, jsonPath,
                $"unknown field \"{segments[0]}\"{NameSuggester.DidYouMean(suggestion)}. Fields here: {ListFields(scope)}.");
            return null;
        }

        if (root.Type is ErrorType)
        {
            return null;
        }

        var narrowing = FindNarrowing(scope, segments);
        var start = narrowing is null ? 1 : 1 + narrowing.Prefix.Length;
        FlowType current = narrowing?.Element ?? root.Type;
        var steps = ImmutableArray.CreateBuilder<FieldSymbol>();
        var isMany = false;
        var nullable = current is ObjectType { IsNullable: true };
        var sensitive = root.Field?.IsSensitive ?? false;
        var firstArrayStep = -1;
        ArrayType? firstArray = null;
        var walked = segments[0];

        for (var i = start; i < segments.Length; i++)
        {
            // Stepping into a field of an array's elements: the path now yields one value per element.
            if (current is ArrayType array)
            {
                if (firstArray is null)
                {
                    firstArray = array;
                    firstArrayStep = steps.Count;
                }

                isMany = true;
                current = array.Element;
            }

            var segment = segments[i];
            FieldSymbol? field = current switch
            {
                ObjectType obj => obj.Find(segment),
                MapType => new FieldSymbol(segment, new ScalarType(ScalarKind.String, true), null, false),
                _ => null,
            };

            if (field is null)
            {
                ReportNoField(current, walked, segment, text, scope, nodeId, jsonPath, diagnostics);
                return null;
            }

            steps.Add(field);
            sensitive |= field.IsSensitive;
            current = field.Type;
            nullable |= current is ObjectType { IsNullable: true };
            walked += "." + segment;
        }

        // A value reached through a nullable object is itself nullable.
        if (nullable && current is ScalarType { IsNullable: false } scalar)
        {
            current = scalar with { IsNullable = true };
        }

        return new BoundPath(text.Trim(), root, narrowing, steps.ToImmutable(), current, isMany, firstArrayStep, sensitive, firstArray);
    }

    /// <summary>The fields a node sees, as a comma-separated list for messages.</summary>
    public static string ListFields(Scope scope)
    {
        var all = AllPaths(scope).ToList();
        return all.Count <= MaxListedFields
            ? string.Join(", ", all)
            : string.Join(", ", all.Take(MaxListedFields)) + $", … ({all.Count - MaxListedFields} more)";
    }

    // The longest narrowing whose array the path passes through wins: it is the innermost.
    private static Narrowing? FindNarrowing(Scope scope, string[] segments)
    {
        Narrowing? best = null;
        foreach (var narrowing in scope.Narrowings)
        {
            if (narrowing.Root != segments[0] || narrowing.Prefix.Length > segments.Length - 1)
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < narrowing.Prefix.Length && matches; i++)
            {
                matches = narrowing.Prefix[i] == segments[i + 1];
            }

            if (matches && (best is null || narrowing.Prefix.Length >= best.Prefix.Length))
            {
                best = narrowing;
            }
        }

        return best;
    }

    private static void ReportNoField(FlowType current, string walked, string segment, string text, Scope scope, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        if (current is ObjectType obj)
        {
            var names = obj.Fields.Select(f => f.Name).ToList();
            var suggestion = NameSuggester.Closest(segment, names);
            diagnostics.Error(DiagnosticCodes.UnknownField, nodeId, jsonPath,
                $"unknown field \"{segment}\" in \"{walked}\" ({obj.Name}){NameSuggester.DidYouMean(suggestion is null ? null : walked + "." + suggestion)}. Fields of {walked}: {string.Join(", ", names)}.");
        }
        else
        {
            diagnostics.Error(DiagnosticCodes.UnknownField, nodeId, jsonPath,
                $"\"{walked}\" is a {current.Display} and has no field \"{segment}\"; \"{text}\" does not resolve. Fields here: {ListFields(scope)}.");
        }
    }

    // Top-level names and the fields one level below them: what an admin can write in most places.
    private static IEnumerable<string> AllPaths(Scope scope)
    {
        foreach (var variable in scope.Variables)
        {
            yield return variable.Name;
            var type = variable.Type is ArrayType array ? array.Element : variable.Type;
            if (type is ObjectType obj)
            {
                foreach (var field in obj.Fields)
                {
                    yield return variable.Name + "." + field.Name;
                }
            }
        }
    }
}
