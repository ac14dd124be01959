using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Reddit;

/// <summary>Validates what attributes cannot in <see cref="RedditSourceOptions"/>: the addresses, the user agent's form, a query (at most 512 characters) or subreddits, and the form of each subreddit; a failure names the source and the option.</summary>
internal sealed class RedditSourceOptionsCustomValidator : SourceOptionsCustomValidator<RedditSourceOptions>
{
    protected override void Check(ValidateOptionsResultBuilder result, string? name, RedditSourceOptions options)
    {
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

        OptionsChecks.Range(result, name, nameof(options.TokenRefreshMargin), options.TokenRefreshMargin, TimeSpan.Zero, TimeSpan.FromMinutes(30));
    }
}
