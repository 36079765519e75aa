namespace FlowCompiler.Editor;

/// <summary>What an editor request does, as <see cref="FlowEditorOptions.Authorize"/> decides on it.</summary>
public enum EditorOperation
{
    /// <summary>Reads: the catalog, analysis and generated code of a flow, flows, versions and runs.</summary>
    Read,

    /// <summary>Creates, imports or saves a draft.</summary>
    Edit,

    /// <summary>Publishes, rolls back or unpublishes a flow.</summary>
    Publish,

    /// <summary>Runs a draft as a dry run.</summary>
    DryRun,
}
