namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// A value met at run time does not fit where the flow puts it: a template that must render a number did
/// not, or a REST answer lacks a field its example had. Fails the node with a message an admin can act on.
/// </summary>
public sealed class FlowValueException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public FlowValueException(string message)
        : base(message)
    {
    }
}
