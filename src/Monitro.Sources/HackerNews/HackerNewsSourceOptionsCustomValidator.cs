using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.HackerNews;

/// <summary>Validates <see cref="HackerNewsSourceOptions"/> with messages that name the source and the option.</summary>
internal sealed class HackerNewsSourceOptionsValidator : IValidateOptions<HackerNewsSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, HackerNewsSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        OptionsChecks.Polling(result, name, options);
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.BaseAddress), options.BaseAddress);
        OptionsChecks.Required(result, name, nameof(options.Query), options.Query);
        if (!options.IncludeStories && !options.IncludeComments)
        {
            result.AddError($"Source '{name}': at least one of IncludeStories and IncludeComments must be true.", nameof(options.IncludeStories));
        }

        if (options.HitsPerPage is < 1 or > 1_000)
        {
            result.AddError($"Source '{name}': HitsPerPage must be between 1 and 1000 (was {options.HitsPerPage}).", nameof(options.HitsPerPage));
        }

        if (options.HitCap < options.HitsPerPage)
        {
            result.AddError($"Source '{name}': HitCap ({options.HitCap}) must be at least HitsPerPage ({options.HitsPerPage}).", nameof(options.HitCap));
        }

        return result.Build();
    }
}
