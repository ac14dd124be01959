using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Rss;

/// <summary>Validates <see cref="RssSourceOptions"/> with messages that name the source and the option.</summary>
internal sealed class RssSourceOptionsValidator : IValidateOptions<RssSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, RssSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        OptionsChecks.Polling(result, name, options);
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.FeedUrl), options.FeedUrl);
        if (options.SeenIdCapacity is < 10 or > 100_000)
        {
            result.AddError($"Source '{name}': SeenIdCapacity must be between 10 and 100000 (was {options.SeenIdCapacity}).", nameof(options.SeenIdCapacity));
        }

        return result.Build();
    }
}
