using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Mastodon;

/// <summary>Validates <see cref="MastodonSourceOptions"/> with messages that name the source and the option.</summary>
internal sealed class MastodonSourceOptionsValidator : IValidateOptions<MastodonSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, MastodonSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        OptionsChecks.Polling(result, name, options);
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.Instance), options.Instance);
        if (options.Hashtags.Count == 0)
        {
            result.AddError($"Source '{name}': Hashtags needs at least one tag.", nameof(options.Hashtags));
        }

        foreach (var tag in options.Hashtags.Where(t => string.IsNullOrWhiteSpace(t) || t.TrimStart('#').Any(c => !char.IsLetterOrDigit(c) && c != '_')))
        {
            result.AddError($"Source '{name}': Hashtags contains '{tag}', which is not a hashtag (letters, digits and _ only).", nameof(options.Hashtags));
        }

        if (options.PageSize is < 1 or > 40)
        {
            result.AddError($"Source '{name}': PageSize must be between 1 and 40 (was {options.PageSize}).", nameof(options.PageSize));
        }

        if (options.SeenIdCapacity is < 10 or > 100_000)
        {
            result.AddError($"Source '{name}': SeenIdCapacity must be between 10 and 100000 (was {options.SeenIdCapacity}).", nameof(options.SeenIdCapacity));
        }

        return result.Build();
    }
}
