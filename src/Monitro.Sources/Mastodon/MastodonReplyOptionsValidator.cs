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
        OptionsChecks.ReplyAccountRequired(result, name, nameof(options.AccessToken), options.AccessToken);
        if (!Visibilities.Contains(options.Visibility, StringComparer.Ordinal))
        {
            result.AddError($"Reply account '{name}': Visibility must be one of {string.Join(", ", Visibilities)}.", nameof(options.Visibility));
        }

        OptionsChecks.ReplyAccountRange(result, name, nameof(options.RequestsPerFiveMinutes), options.RequestsPerFiveMinutes, 1, 10_000);
        return result.Build();
    }
}
