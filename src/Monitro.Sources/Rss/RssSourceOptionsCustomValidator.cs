using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Rss;

/// <summary>Validates what attributes cannot in <see cref="RssSourceOptions"/>: the feed's address; a failure names the source and the option.</summary>
internal sealed class RssSourceOptionsCustomValidator : SourceOptionsCustomValidator<RssSourceOptions>
{
    protected override void Check(ValidateOptionsResultBuilder result, string? name, RssSourceOptions options)
    {
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.FeedUrl), options.FeedUrl);
    }
}
