using Microsoft.Extensions.Options;

namespace Monitro.Sources.Shared;

/// <summary>
/// The base of every source's cross-field validator: checks what all sources share (<see cref="OptionsChecks.Common"/>,
/// and <see cref="OptionsChecks.Polling"/> for polling sources), then the source's own rules; attributes on the options
/// cover the rest through the source-generated validator.
/// </summary>
/// <typeparam name="TOptions">The source's options.</typeparam>
internal abstract class SourceOptionsCustomValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : ListeningSourceOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (options is PollingSourceOptions polling)
        {
            OptionsChecks.Polling(result, name, polling);
        }
        else
        {
            OptionsChecks.Common(result, name, options);
        }

        Check(result, name, options);
        return result.Build();
    }

    /// <summary>Adds a failure for each of the source's own rules that the options break; each names the source and the option.</summary>
    protected abstract void Check(ValidateOptionsResultBuilder result, string? name, TOptions options);
}
