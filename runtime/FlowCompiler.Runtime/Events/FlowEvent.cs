namespace FlowCompiler.Runtime.Events;

/// <summary>
/// One event the panel raises. <see cref="Name"/> is what a flow's trigger names
/// (<c>server.created</c>); <see cref="PayloadType"/> is the typed payload it carries.
/// </summary>
/// <param name="Name">The event name written in <c>trigger.parameters.event</c>.</param>
/// <param name="PayloadType">The payload class whose properties are the trigger's fields.</param>
/// <param name="Description">What happened, in the product page's words.</param>
public record FlowEvent(string Name, Type PayloadType, string Description);

/// <summary>
/// One event with its payload class as a type argument, so <c>RaiseAsync(FlowEvents.AccountLogin, user)</c> is checked
/// by the compiler: the payload must be a <typeparamref name="TPayload"/>.
/// </summary>
/// <typeparam name="TPayload">The payload class whose properties are the trigger's fields.</typeparam>
/// <param name="Name">The event name written in <c>trigger.parameters.event</c>.</param>
/// <param name="Description">What happened, in the product page's words.</param>
public sealed record FlowEvent<TPayload>(string Name, string Description) : FlowEvent(Name, typeof(TPayload), Description)
    where TPayload : class;
