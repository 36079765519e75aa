namespace FlowCompiler.Cli.Demo;

/// <summary>The demo's files: a fresh SQLite panel database and an empty mail outbox on every run.</summary>
internal sealed record DemoPaths(string Folder, string Database, string Outbox)
{
    public static DemoPaths Prepare(string folder)
    {
        var root = Path.GetFullPath(folder);
        var paths = new DemoPaths(root, Path.Combine(root, "panel.db"), Path.Combine(root, "outbox"));
        Directory.CreateDirectory(paths.Outbox);
        foreach (var file in new[] { paths.Database, paths.Database + "-wal", paths.Database + "-shm" })
        {
            File.Delete(file);
        }

        foreach (var mail in Directory.GetFiles(paths.Outbox, "*.eml"))
        {
            File.Delete(mail);
        }

        return paths;
    }
}
