using System.Globalization;

namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// The declared parameters of one endpoint, checked as Proxmox does with <c>additionalProperties =&gt; 0</c>:
/// unknown names, missing required ones and bad values each get an entry in the 400 answer's <c>errors</c>.
/// </summary>
internal sealed class ParameterRules(params ParameterRule[] rules)
{
    // Numbered options such as net[n] and ipconfig[n] run from 0 to 31.
    private const int HighestNumberedIndex = 31;

    private readonly Dictionary<string, ParameterRule> _byName = rules.ToDictionary(rule => rule.Name, StringComparer.Ordinal);

    /// <summary>The declared rules, numbered ones as <c>name[n]</c>.</summary>
    public IEnumerable<ParameterRule> Declared => _byName.Values;

    /// <summary>Errors by parameter name; empty when the request is valid.</summary>
    public Dictionary<string, string> Check(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                errors[group.Key] = "duplicate parameter: given more than once";
            }
            else if (Find(group.Key) is not { } rule)
            {
                errors[group.Key] = "property is not defined in schema and the schema does not allow additional properties";
            }
            else if (rule.Check(group.Single().Value) is { } error)
            {
                errors[group.Key] = error;
            }
        }

        foreach (var rule in _byName.Values.Where(rule => rule.Required && parameters.All(p => p.Key != rule.Name)))
        {
            errors[rule.Name] = "property is missing and it is not optional";
        }

        return errors;
    }

    private ParameterRule? Find(string name)
    {
        if (_byName.TryGetValue(name, out var rule))
        {
            return rule;
        }

        var prefixLength = name.Length - name.Reverse().TakeWhile(char.IsAsciiDigit).Count();
        var number = name[prefixLength..];
        return number.Length is 1 or 2
            && !(number.Length == 2 && number[0] == '0')
            && int.Parse(number, CultureInfo.InvariantCulture) <= HighestNumberedIndex
            && _byName.TryGetValue(name[..prefixLength] + "[n]", out var numbered)
                ? numbered
                : null;
    }
}
