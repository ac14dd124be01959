using Microsoft.Extensions.Options;

namespace Monitro.Orleans.Alerting;

/// <summary>Options that never change, for the rules of a lease built outside a silo's services (a test's direct lease work).</summary>
/// <param name="value">The options.</param>
internal sealed class FixedClusterOptions(MonitroOrleansOptions value) : IOptionsMonitor<MonitroOrleansOptions>
{
    public MonitroOrleansOptions CurrentValue => value;

    public MonitroOrleansOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<MonitroOrleansOptions, string?> listener) => null;
}
