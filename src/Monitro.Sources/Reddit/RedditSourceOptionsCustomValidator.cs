using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Reddit;

/// <summary>Validates <see cref="RedditSourceOptions"/> with messages that name the source and the option.</summary>
internal sealed class RedditSourceOptionsValidator : IValidateOptions<RedditSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, RedditSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        OptionsChecks.Polling(result, name, options);
        OptionsChecks.Required(result, name, nameof(options.ClientId), options.ClientId);
        OptionsChecks.Required(result, name, nameof(options.ClientSecret), options.ClientSecret);
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.TokenEndpoint), options.TokenEndpoint);
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.ApiBaseAddress), options.ApiBaseAddress);
        if (!string.IsNullOrWhiteSpace(options.UserAgent) && !options.UserAgent.Contains("(by /u/", StringComparison.OrdinalIgnoreCase))
        {
            result.AddError($"Source '{name}': UserAgent must be descriptive as Reddit requires, like 'server:com.example.crm:1.0 (by /u/yourname)'.", nameof(options.UserAgent));
        }

        if (string.IsNullOrWhiteSpace(options.Query) && options.Subreddits.Count == 0)
        {
            result.AddError($"Source '{name}': set Query, Subreddits or both.", nameof(options.Query));
        }

        if (options.Query is { Length: > 512 })
        {
            result.AddError($"Source '{name}': Query must be at most 512 characters (was {options.Query.Length}).", nameof(options.Query));
        }

        foreach (var subreddit in options.Subreddits.Where(s => string.IsNullOrWhiteSpace(s) || s.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_')))
        {
            result.AddError($"Source '{name}': Subreddits contains '{subreddit}', which is not a subreddit name (letters, digits and _; no r/).", nameof(options.Subreddits));
        }

        if (options.PageSize is < 1 or > 100)
        {
            result.AddError($"Source '{name}': PageSize must be between 1 and 100 (was {options.PageSize}).", nameof(options.PageSize));
        }

        OptionsChecks.Range(result, name, nameof(options.TokenRefreshMargin), options.TokenRefreshMargin, TimeSpan.Zero, TimeSpan.FromMinutes(30));
        if (options.SeenIdCapacity is < 10 or > 100_000)
        {
            result.AddError($"Source '{name}': SeenIdCapacity must be between 10 and 100000 (was {options.SeenIdCapacity}).", nameof(options.SeenIdCapacity));
        }

        return result.Build();
    }
}
