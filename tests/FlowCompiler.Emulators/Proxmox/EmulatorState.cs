using System.Globalization;

namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// Everything the emulated cluster knows and every knob a test turns. Guarded by <see cref="Gate"/>:
/// Kestrel serves requests concurrently.
/// </summary>
internal sealed class EmulatorState(string tokenId)
{
    private readonly Queue<EmulatorFault> _faults = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<int, (string Key, string Value, int Remaining)> _changesAfterRead = [];
    private int _nextPid = 0x1000;

    public object Gate { get; } = new();

    /// <summary>The one API token the cluster knows; tasks run as this user.</summary>
    public string TokenId { get; } = tokenId;

    public Dictionary<int, EmulatedGuest> Guests { get; } = [];

    public Dictionary<string, EmulatedTask> Tasks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EmulatedHaResource> HaResources { get; } = new(StringComparer.Ordinal);

    public HashSet<string> HaGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>How qemu configuration tasks end.</summary>
    public EmulatedTaskOutcome TaskOutcome { get; set; } = EmulatedTaskOutcome.Ok;

    /// <summary>How long a config write waits for the guest's config lock, as Proxmox's <c>lock_config</c> (10 s).</summary>
    public TimeSpan ConfigLockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Answer errors the way older servers did: the text only in the status line, the body just <c>{"data":null}</c>.</summary>
    public bool LegacyErrorBodies { get; set; }

    /// <summary>Behave like Proxmox VE 9, where HA groups were migrated to rules and <c>group</c> is refused.</summary>
    public bool HaGroupsMigratedToRules { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (Gate)
            {
                return _requests.ToList();
            }
        }
    }

    public void Record(RecordedRequest request)
    {
        lock (Gate)
        {
            _requests.Add(request);
        }
    }

    public void Inject(EmulatorFault fault)
    {
        lock (Gate)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Takes the first queued fault that matches the request, if any.</summary>
    public EmulatorFault? TakeFault(RecordedRequest request)
    {
        lock (Gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Matches(request));
            if (fault is not null)
            {
                var rest = _faults.Where(f => !ReferenceEquals(f, fault)).ToList();
                _faults.Clear();
                rest.ForEach(_faults.Enqueue);
            }

            return fault;
        }
    }

    /// <summary>After the next <paramref name="times"/> config reads of the guest, another admin changes a key.</summary>
    public void ChangeConfigAfterRead(int vmid, string key, string value, int times)
    {
        lock (Gate)
        {
            _changesAfterRead[vmid] = (key, value, times);
        }
    }

    /// <summary>Called after a config read was answered: simulates the concurrent edit, if one is due.</summary>
    public void ConfigWasRead(EmulatedGuest guest)
    {
        if (_changesAfterRead.TryGetValue(guest.Vmid, out var change) && change.Remaining > 0)
        {
            // A different value each time, so that every concurrent edit changes the digest.
            guest.Config[change.Key] = $"{change.Value} #{change.Remaining}";
            _changesAfterRead[guest.Vmid] = change with { Remaining = change.Remaining - 1 };
        }
    }

    /// <summary>Starts a worker task on the node, in Proxmox's UPID form.</summary>
    public EmulatedTask StartTask(string node, string type, string id, string user, Action apply)
    {
        var pid = ++_nextPid;
        var start = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var upid = string.Create(CultureInfo.InvariantCulture, $"UPID:{node}:{pid:X8}:{pid * 7:X8}:{start:X8}:{type}:{id}:{user}:");
        var task = new EmulatedTask(upid, node, type, user, TaskOutcome, apply);
        Tasks[upid] = task;
        return task;
    }
}
