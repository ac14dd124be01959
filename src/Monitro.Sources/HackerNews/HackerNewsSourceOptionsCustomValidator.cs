using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.HackerNews;

/// <summary>Validates what attributes cannot in <see cref="HackerNewsSourceOptions"/>: the address, what to include and the hit cap against the page size; a failure names the source and the option.</summary>
internal sealed class HackerNewsSourceOptionsCustomValidator : SourceOptionsCustomValidator<HackerNewsSourceOptions>
{
    protected override void Check(ValidateOptionsResultBuilder result, string? name, HackerNewsSourceOptions options)
    {
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.BaseAddress), options.BaseAddress);
        if (!options.IncludeStories && !options.IncludeComments)
        {
            result.AddError($"Source '{name}': at least one of IncludeStories and IncludeComments must be true.", nameof(options.IncludeStories));
        }

        if (options.HitCap < options.HitsPerPage)
        {
            result.AddError($"Source '{name}': HitCap ({options.HitCap}) must be at least HitsPerPage ({options.HitsPerPage}).", nameof(options.HitCap));
        }
    }
}
