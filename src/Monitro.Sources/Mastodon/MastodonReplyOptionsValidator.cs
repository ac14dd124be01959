using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Mastodon;

/// <summary>Validates <see cref="MastodonReplyOptions"/>; messages name the account and the option, never the token.</summary>
internal sealed class MastodonReplyOptionsValidator : IValidateOptions<MastodonReplyOptions>
{
    private static readonly string[] Visibilities = ["public", "unlisted", "private", "direct"];

    public ValidateOptionsResult Validate(string? name, MastodonReplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.Instance), options.Instance);
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            result.AddError($"Reply account '{name}': AccessToken is required.", nameof(options.AccessToken));
        }

        if (!Visibilities.Contains(options.Visibility, StringComparer.Ordinal))
        {
            result.AddError($"Reply account '{name}': Visibility must be one of {string.Join(", ", Visibilities)}.", nameof(options.Visibility));
        }

        if (options.RequestsPerFiveMinutes is < 1 or > 10_000)
        {
            result.AddError($"Reply account '{name}': RequestsPerFiveMinutes must be between 1 and 10,000.", nameof(options.RequestsPerFiveMinutes));
        }

        return result.Build();
    }
}
