namespace FlowCompiler.Hosting;

/// <summary>What the start-up of a <see cref="FlowHost"/> did.</summary>
/// <param name="Loaded">Published flows loaded from the database.</param>
/// <param name="CacheHits">How many of those came from the compile cache.</param>
/// <param name="Published">Flow files of <see cref="FlowHostOptions.PublishDirectory"/> published as new versions (unchanged ones are not counted).</param>
/// <param name="Failed">Flows that could not be loaded (by id) and flow files that could not be published (by file name); the log says why.</param>
public sealed record StartupSummary(int Loaded, int CacheHits, int Published, IReadOnlyList<string> Failed);
