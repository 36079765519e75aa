namespace FlowCompiler.Runtime.Values;

/// <summary>The hostname rule Proxmox applies to a guest's name: a DNS name of letters, digits and hyphens.</summary>
public static class DnsName
{
    /// <summary>Whether <paramref name="name"/> is a valid DNS name (labels of 1-63 characters, 253 in all).</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
