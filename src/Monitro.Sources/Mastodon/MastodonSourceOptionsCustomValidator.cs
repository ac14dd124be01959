using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Mastodon;

/// <summary>Validates what attributes cannot in <see cref="MastodonSourceOptions"/>: at least one hashtag, the instance's address and the form of each hashtag; a failure names the source and the option.</summary>
internal sealed class MastodonSourceOptionsCustomValidator : SourceOptionsCustomValidator<MastodonSourceOptions>
{
    protected override void Check(ValidateOptionsResultBuilder result, string? name, MastodonSourceOptions options)
    {
        if (options.Hashtags.Count == 0)
        {
            result.AddError($"Source '{name}': Hashtags needs at least one tag.", nameof(options.Hashtags));
        }

        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.Instance), options.Instance);
        foreach (var tag in options.Hashtags.Where(t => string.IsNullOrWhiteSpace(t) || t.TrimStart('#').Any(c => !char.IsLetterOrDigit(c) && c != '_')))
        {
            result.AddError($"Source '{name}': Hashtags contains '{tag}', which is not a hashtag (letters, digits and _ only).", nameof(options.Hashtags));
        }
    }
}
