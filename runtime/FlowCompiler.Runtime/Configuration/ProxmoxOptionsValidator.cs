using FlowCompiler.Runtime.Proxmox;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Runtime.Configuration;

/// <summary>
/// Checks <see cref="ProxmoxOptions"/> at start-up. Proxmox is optional: with none of its keys set,
/// <c>modifyServer</c> nodes fail with a message saying so; with some set, the missing ones are named.
/// Messages name keys and never hold the token secret.
/// </summary>
internal sealed class ProxmoxOptionsValidator : IValidateOptions<ProxmoxOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxmoxOptions options)
    {
        if (!ProxmoxClientAccessor.HasCluster(options) && options.TokenId is null && options.TokenSecret is null)
        {
            return ValidateOptionsResult.Success;
        }

        var missing = new List<string>();
        if (options.BaseUrl is null)
        {
            missing.Add($"{Key(nameof(options.BaseUrl))} is missing: set the API address of a cluster node, e.g. https://pve.example:8006.");
        }

        if (string.IsNullOrEmpty(options.TokenId))
        {
            missing.Add($"{Key(nameof(options.TokenId))} is missing: set the API token id, e.g. panel@pve!flows.");
        }

        if (string.IsNullOrEmpty(options.TokenSecret))
        {
            missing.Add($"{Key(nameof(options.TokenSecret))} is missing: set the API token's secret (or remove every {FlowRuntimeSections.Proxmox} key to run without Proxmox).");
        }

        if (missing.Count > 0)
        {
            return ValidateOptionsResult.Fail(missing);
        }

        try
        {
            options.ThrowIfInvalid();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(Describe(e));
        }
    }

    // ArgumentException appends " (Parameter 'X')"; the key says the same, once.
    private static string Describe(ArgumentException e)
    {
        if (e.ParamName is null)
        {
            return $"{FlowRuntimeSections.Proxmox}: {e.Message}";
        }

        var message = e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
        return $"{Key(e.ParamName)}: {message}";
    }

    private static string Key(string property) => FlowRuntimeSections.Key(FlowRuntimeSections.Proxmox, property);
}
