using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>Validates <see cref="BlueskyReplyOptions"/>; messages name the account and the option, never the password.</summary>
internal sealed class BlueskyReplyOptionsValidator : IValidateOptions<BlueskyReplyOptions>
{
    public ValidateOptionsResult Validate(string? name, BlueskyReplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.ServiceUrl), options.ServiceUrl);
        OptionsChecks.ReplyAccountRequired(result, name, nameof(options.Identifier), options.Identifier);
        OptionsChecks.ReplyAccountRequired(result, name, nameof(options.AppPassword), options.AppPassword);
        OptionsChecks.ReplyAccountRange(result, name, nameof(options.PointsPerHour), options.PointsPerHour, 3, 100_000);
        return result.Build();
    }
}
