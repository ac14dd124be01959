using Microsoft.Extensions.DependencyInjection;

namespace Monitro.Validation.Shared;

/// <summary>
/// Remembers which configuration section each options instance was bound from (<c>Monitro:Alerting</c>,
/// <c>Monitro:Sources:Rss:blog</c>), so that a validation failure can name the bad value where the reader will look
/// for it: in the file, not in the type.
/// </summary>
/// <remarks>One instance per service collection, filled while the services are registered and read-only afterwards.</remarks>
internal sealed class OptionsConfigurationPaths
{
    private readonly Dictionary<(Type Options, string Name), string> paths = [];

    /// <summary>Gets the registry of a service collection, adding it the first time.</summary>
    public static OptionsConfigurationPaths Of(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(OptionsConfigurationPaths) && descriptor.ImplementationInstance is OptionsConfigurationPaths existing)
            {
                return existing;
            }
        }

        var registry = new OptionsConfigurationPaths();
        services.AddSingleton(registry);
        return registry;
    }

    /// <summary>Records that the options of <typeparamref name="TOptions"/> named <paramref name="name"/> come from <paramref name="path"/>.</summary>
    public void Add<TOptions>(string name, string path) => paths[(typeof(TOptions), name)] = path;

    /// <summary>Gets the section path of an options instance, or <see langword="null"/> when it was configured in code.</summary>
    public string? Find(Type options, string? name) => paths.GetValueOrDefault((options, name ?? Microsoft.Extensions.Options.Options.DefaultName));
}
