using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>Validates what attributes cannot in <see cref="BlueskySearchOptions"/>: the service's address; a failure names the source and the option.</summary>
internal sealed class BlueskySearchOptionsCustomValidator : SourceOptionsCustomValidator<BlueskySearchOptions>
{
    protected override void Check(ValidateOptionsResultBuilder result, string? name, BlueskySearchOptions options)
    {
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.ServiceUrl), options.ServiceUrl);
    }
}
