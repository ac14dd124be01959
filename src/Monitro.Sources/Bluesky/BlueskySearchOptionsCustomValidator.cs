using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>Validates <see cref="BlueskySearchOptions"/> with messages that name the source and the option.</summary>
internal sealed class BlueskySearchOptionsValidator : IValidateOptions<BlueskySearchOptions>
{
    public ValidateOptionsResult Validate(string? name, BlueskySearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        OptionsChecks.Polling(result, name, options);
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.ServiceUrl), options.ServiceUrl);
        OptionsChecks.Required(result, name, nameof(options.Identifier), options.Identifier);
        OptionsChecks.Required(result, name, nameof(options.AppPassword), options.AppPassword);
        OptionsChecks.Required(result, name, nameof(options.Query), options.Query);
        if (options.PageSize is < 1 or > 100)
        {
            result.AddError($"Source '{name}': PageSize must be between 1 and 100 (was {options.PageSize}).", nameof(options.PageSize));
        }

        if (options.SeenIdCapacity is < 10 or > 100_000)
        {
            result.AddError($"Source '{name}': SeenIdCapacity must be between 10 and 100000 (was {options.SeenIdCapacity}).", nameof(options.SeenIdCapacity));
        }

        return result.Build();
    }
}
