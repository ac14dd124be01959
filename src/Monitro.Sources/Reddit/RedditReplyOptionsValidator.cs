using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Reddit;

/// <summary>Validates <see cref="RedditReplyOptions"/>; messages name the account and the option, never a secret.</summary>
internal sealed class RedditReplyOptionsValidator : IValidateOptions<RedditReplyOptions>
{
    public ValidateOptionsResult Validate(string? name, RedditReplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        OptionsChecks.ReplyAccountRequired(result, name, nameof(options.ClientId), options.ClientId);
        OptionsChecks.ReplyAccountRequired(result, name, nameof(options.ClientSecret), options.ClientSecret);
        OptionsChecks.ReplyAccountRequired(result, name, nameof(options.RefreshToken), options.RefreshToken);
        OptionsChecks.ReplyAccountRequired(result, name, nameof(options.UserAgent), options.UserAgent);
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.TokenEndpoint), options.TokenEndpoint);
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.ApiBaseAddress), options.ApiBaseAddress);
        OptionsChecks.ReplyAccountRange(result, name, nameof(options.RequestsPerMinute), options.RequestsPerMinute, 1, 600);
        OptionsChecks.ReplyAccountRange(result, name, nameof(options.LookupDepth), options.LookupDepth, 1, 100);
        return result.Build();
    }
}
