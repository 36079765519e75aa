using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace FlowCompiler.Editor.Page;

/// <summary>The page's files, read once from the resources the build embedded under <c>editor/</c>.</summary>
internal static class PageAssets
{
    private const string Prefix = "editor/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json",
        [".png"] = "image/png",
        [".woff2"] = "font/woff2",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every file by its path below the page's root.</summary>
    public static FrozenDictionary<string, PageAsset> All { get; } = Load(typeof(PageAssets).Assembly);

    private static FrozenDictionary<string, PageAsset> Load(Assembly assembly)
    {
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var assets = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !n.EndsWith(".gz", StringComparison.Ordinal)))
        {
            var content = Read(assembly, name);
            var gzip = names.Contains(name + ".gz") ? Read(assembly, name + ".gz") : null;
            var path = name[Prefix.Length..];
            var type = ContentTypes.GetValueOrDefault(System.IO.Path.GetExtension(path), "application/octet-stream");
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16)) + "\"";
            assets[path] = new PageAsset(path, type, content, gzip, etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
