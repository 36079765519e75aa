using System.Net;
using System.Net.Sockets;
using FlowCompiler.Runtime.Proxmox;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

using static StandardCluster;

/// <summary>Every failure becomes a <see cref="ProxmoxApiException"/> an admin can act on, without the secret.</summary>
public sealed class ErrorReportingTests : ProxmoxEmulatorTests
{
    [Fact]
    public async Task A_wrong_token_secret_is_a_401_naming_the_token_but_not_any_secret()
    {
        const string WrongSecret = "0badc0de-0000-4000-8000-000000000000";
        using var client = Pve.CreateClient(secret: WrongSecret);

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => client.SetNoteAsync(Vm, "x", Bounded));

        Assert.Equal(401, exception.StatusCode);
        Assert.Contains(ProxmoxEmulator.TokenId, exception.Message, StringComparison.Ordinal);
        Assert.Contains("invalid token value!", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, exception.Message, StringComparison.Ordinal);
        AssertNoSecret(exception);
    }

    [Fact]
    public async Task An_injected_401_is_reported_the_same_way()
    {
        Pve.State.Inject(EmulatorFault.Error(401, "authentication failure"));

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.FindGuestAsync(Vm, Bounded));

        Assert.Equal(401, exception.StatusCode);
        Assert.Contains("authentication failure", exception.Message, StringComparison.Ordinal);
        AssertNoSecret(exception);
    }

    [Fact]
    public async Task A_500_whose_text_is_only_in_the_reason_phrase_is_reported_with_that_text()
    {
        Pve.State.LegacyErrorBodies = true;
        Pve.State.Inject(EmulatorFault.Error(500, "cfs-lock 'file-replication_cfg' error: got lock request timeout", r => r.Method == "POST"));

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.SetNoteAsync(Vm, "x", Bounded));

        Assert.Equal(500, exception.StatusCode);
        Assert.Equal("cfs-lock 'file-replication_cfg' error: got lock request timeout", exception.ProxmoxMessage);
        Assert.Contains("POST /nodes/pve1/qemu/100/config", exception.Message, StringComparison.Ordinal);
        AssertNoSecret(exception);
    }

    [Fact]
    public async Task A_400_lists_proxmox_errors_per_parameter()
    {
        var errors = new Dictionary<string, string> { ["name"] = "invalid format - value does not look like a valid DNS name\n" };
        Pve.State.Inject(EmulatorFault.Error(400, "Parameter verification failed.", r => r.Method == "POST", errors));

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.SetHostnameAsync(Vm, "web3", Bounded));

        Assert.Equal(400, exception.StatusCode);
        Assert.Equal("invalid format - value does not look like a valid DNS name", exception.ParameterErrors["name"]);
        Assert.Contains("Parameter verification failed.; name: invalid format - value does not look like a valid DNS name", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_gets_no_answer_times_out_within_the_configured_timeout()
    {
        Pve.State.Inject(EmulatorFault.Hang());
        using var client = Pve.CreateClient(timeout: TimeSpan.FromMilliseconds(300));

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => client.FindGuestAsync(Vm, Bounded));

        Assert.Contains("did not answer GET /cluster/resources within 0.3 s", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_task_status_read_times_out_too()
    {
        Pve.State.Inject(EmulatorFault.Hang(r => r.Path.Contains("/tasks/", StringComparison.Ordinal)));
        // Generous: the three requests before the task read must answer in time on a loaded CI machine.
        using var client = Pve.CreateClient(timeout: TimeSpan.FromSeconds(2));

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => client.SetNoteAsync(Vm, "x", Bounded));

        Assert.Contains("did not answer GET /nodes/pve1/tasks/", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_proxmox_error()
    {
        Pve.State.Inject(EmulatorFault.Hang());
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Bounded);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.FindGuestAsync(Vm, cancel.Token));
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_its_address()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new ProxmoxClient(new ProxmoxOptions
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}"),
            TokenId = ProxmoxEmulator.TokenId,
            TokenSecret = ProxmoxEmulator.TokenSecret,
            Timeout = TimeSpan.FromSeconds(5),
        });

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => client.FindGuestAsync(Vm, Bounded));

        Assert.Contains($"Could not reach Proxmox at 127.0.0.1:{port}", exception.Message, StringComparison.Ordinal);
        AssertNoSecret(exception);
    }
}
