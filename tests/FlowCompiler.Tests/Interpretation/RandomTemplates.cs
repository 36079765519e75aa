using System.Text;

namespace FlowCompiler.Tests.Interpretation;

/// <summary>Random template text for each place a template lands: plain, header, HTML, URL and JSON body.</summary>
internal sealed class RandomTemplates(Choices choices)
{
    // Flow text may hold anything but control characters other than tab, CR and LF, and lone surrogates.
    private static readonly string[] Literals =
    [
        "", "Hello ", " and ", "quote \" and 'single'", "back\\slash \\u0041", "*/ end /* start", "\n#line 1 \"evil.cs\"\n",
        "line\u2028sep\u2029para\u0085nel", "<b>&amp;</b> <script>", "tab\tcr\rlf\n", "emoji 🚀 ümlaut", "} { } x", "{{ \"{{\" }}", "%20?&=#",
    ];

    // Inside a JSON string of a body: already valid JSON string content.
    private static readonly string[] JsonLiterals = ["", "a", "quote \\\" back \\\\ slash", "tab\\t", "é ü 🚀", "\\u2028", "</b>"];

    public string Plain(ScopeModel scope) => Mixed(scope, Literals);

    public string Header(ScopeModel scope) => Mixed(scope, Literals);

    public string Url(ScopeModel scope)
    {
        var text = new StringBuilder("https://hooks.example.com/");
        text.Append(choices.Pick(["a", "servers/", "x%2Fy/"]));
        if (choices.Chance(80))
        {
            text.Append(Hole(scope));
        }

        text.Append("?q=");
        if (choices.Chance(60))
        {
            text.Append(Hole(scope));
        }

        return text.Append(choices.Pick(["", "&lit=a%20b", "#frag"])).ToString();
    }

    public string JsonBody(ScopeModel scope)
    {
        var members = 1 + choices.Next(3);
        var text = new StringBuilder("{");
        for (var i = 0; i < members; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append($"\"k{i}\": ");
            switch (choices.Next(4))
            {
                case 0:
                    text.Append('"').Append(choices.Pick(JsonLiterals)).Append(Hole(scope)).Append(choices.Pick(JsonLiterals)).Append('"');
                    break;
                case 1:
                    text.Append(Hole(scope));
                    break;
                case 2:
                    text.Append('[').Append(Hole(scope)).Append(", 1]");
                    break;
                default:
                    text.Append("{\"n\": ").Append(Hole(scope)).Append(", \"s\": \"").Append(Hole(scope)).Append("\"}");
                    break;
            }
        }

        return text.Append('}').ToString();
    }

    /// <summary>A whole number template: literal, one int field, or something that may not parse.</summary>
    public string Whole(ScopeModel scope, int min, int max)
    {
        var ints = scope.Of(FieldKind.Int);
        var singleInts = scope.Of(FieldKind.Int, single: true);
        return choices.Next(5) switch
        {
            0 => choices.Pick([min, max == int.MaxValue ? min + 41 : max]).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 or 2 when ints.Count > 0 => "{{" + choices.Pick(ints).Path + "}}",
            3 => "{{ " + (singleInts.Count > 0 ? choices.Pick(singleInts).Path + " + 1" : "7") + " }}",
            _ => Hole(scope),
        };
    }

    private string Mixed(ScopeModel scope, string[] literals)
    {
        var text = new StringBuilder(choices.Pick(literals));
        var holes = choices.Next(4);
        for (var i = 0; i < holes; i++)
        {
            text.Append(Hole(scope)).Append(choices.Pick(literals));
        }

        return text.ToString();
    }

    /// <summary>A field hole (any scalar, one or many values) or a Scriban expression hole.</summary>
    public string Hole(ScopeModel scope)
    {
        var fields = scope.Scalars();
        var field = choices.Pick(fields);
        if (!choices.Chance(25))
        {
            return choices.Chance(50) ? "{{" + field.Path + "}}" : "{{ " + field.Path + " }}";
        }

        // An array itself only where no filter narrowed it to one element.
        var lists = scope.Of(FieldKind.List).Where(l => !scope.Narrowed.Contains(l.Path)).ToList();
        if (lists.Count > 0 && choices.Chance(15))
        {
            return "{{ " + choices.Pick(lists).Path + " | array.size }}";
        }

        // Inside an expression an array has no fields: its values are picked with array.map.
        if (scope.IsMany(field))
        {
            var member = field.Path[(field.Array!.Length + 1)..];
            return "{{ " + field.Array + " | array.map \"" + member + "\"" + choices.Pick([" | array.join \"+\"", "", " | array.size"]) + " }}";
        }

        return field.Kind switch
        {
            FieldKind.Int => "{{ " + field.Path + choices.Pick([" * 2", " + 1", " / 3", " % 2", " > 2", " / 0"]) + " }}",
            FieldKind.Decimal => "{{ " + field.Path + choices.Pick([" | math.round 1", " * 2"]) + " }}",
            FieldKind.String => "{{ " + field.Path + choices.Pick([" | string.upcase", " | string.size", " | string.truncate 3"]) + " }}",
            FieldKind.DateTime => "{{ " + field.Path + " | date.to_string \"%Y-%m-%d %H:%M\" }}",
            _ => "{{ " + field.Path + " == true }}",
        };
    }
}
