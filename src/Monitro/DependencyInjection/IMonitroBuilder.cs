using Microsoft.Extensions.DependencyInjection;

namespace Monitro;

/// <summary>Configures Monitro: its sources, watches, sinks and stores.</summary>
/// <remarks>Sibling packages (sources, stores) extend this interface with extension methods.</remarks>
public interface IMonitroBuilder
{
    /// <summary>Gets the service collection Monitro is registered in.</summary>
    IServiceCollection Services { get; }
}
