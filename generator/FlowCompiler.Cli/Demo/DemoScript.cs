using System.Text;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Cli.Demo;

/// <summary>The events the demo raises, in order: the sample events of <c>flows/events/</c> plus two that show filters at work.</summary>
internal sealed class DemoScript
{
    private DemoScript(IReadOnlyList<DemoStep> steps, string? error)
    {
        Steps = steps;
        Error = error;
    }

    public IReadOnlyList<DemoStep> Steps { get; }

    public string? Error { get; }

    public static DemoScript Load(string eventsFolder)
    {
        var steps = new List<DemoStep>();
        try
        {
            steps.Add(FromFile(eventsFolder, "account.registration", "Ada registers; she is customer #100"));
            steps.Add(FromFile(eventsFolder, "account.login", "Ada logs in; her server old-box is suspended"));
            steps.Add(FromFile(eventsFolder, "server.created", "Ada's new server ubuntu-2204 is created on pve-fra-1"));
            steps.Add(FromFile(eventsFolder, "account.balanceRemoved", "A charge is taken from Ada's balance"));
            steps.Add(FromFile(eventsFolder, "eventLog.created", "The panel logs an error"));
            steps.Add(Inline(
                """{ "event": "eventLog.created", "data": { "level": 2, "message": "Storage backup-fra is 90% full", "rawMessage": "storage.usage storage=backup-fra used=0.9" } }""",
                "The panel logs a warning"));
            steps.Add(Inline(
                """{ "event": "account.login", "data": { "id": 101, "name": "Grace Hopper", "email": "grace@example.org", "password": "$2y$10$demo-grace-hash", "register": "2024-02-26T09:30:00Z", "permission": 1, "confirmationToken": null } }""",
                "Grace logs in; none of her servers is suspended, so the filter stops the flow"));
            steps.Add(Inline(
                """{ "event": "server.stop", "data": { "id": 1300, "vmid": 4800, "userid": 101, "hostname": "build.grace.example", "cpu": 8, "ram": 32768, "disk": 400, "os": "Rocky Linux 9", "ip": null, "ip6": null, "node": "pve-fra-2", "createdAt": "2024-02-28T10:00:00Z", "deletedAt": null, "nextPayment": null, "paymentReminderSent": null, "packageId": 4, "status": "offline", "cancelledAt": null, "charges": [] } }""",
                "Grace stops her build server; no flow listens to server.stop"));
        }
        catch (FormatException e)
        {
            return new DemoScript([], e.Message);
        }

        return new DemoScript(steps, null);
    }

    private static DemoStep FromFile(string folder, string eventName, string title)
    {
        var path = Path.Combine(folder, eventName + ".json");
        var (flowEvent, payload) = EventFileInput.TryRead(path, out var error) ?? throw new FormatException(error);
        return new DemoStep(title, Path.GetRelativePath(Environment.CurrentDirectory, path), flowEvent, payload);
    }

    private static DemoStep Inline(string json, string title)
    {
        var (flowEvent, payload) = EventFileInput.TryParse(Encoding.UTF8.GetBytes(json), title, out var error) ?? throw new FormatException(error);
        return new DemoStep(title, null, flowEvent, payload);
    }
}

/// <summary>One scripted event: what happens in the story, where the event came from, and the event.</summary>
internal sealed record DemoStep(string Title, string? Source, FlowEvent Event, object Payload);
