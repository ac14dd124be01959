using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Monitro.Validation.Shared;

/// <summary>Registers an options validator so that its failures name configuration paths for options bound from configuration.</summary>
internal static class OptionsValidatorRegistration
{
    /// <summary>Adds <typeparamref name="TValidator"/> for <typeparamref name="TOptions"/> once, wrapped in a <see cref="ConfigurationPathValidator{TOptions, TValidator}"/>.</summary>
    public static void Add<TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TValidator>(IServiceCollection services)
        where TOptions : class
        where TValidator : IValidateOptions<TOptions>, new()
    {
        OptionsConfigurationPaths.Of(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ConfigurationPathValidator<TOptions, TValidator>>());
    }
}
