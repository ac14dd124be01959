using Microsoft.Extensions.Options;

namespace Monitro.Replies;

/// <summary>Validates the time ranges of <see cref="ReplyOptions"/> and what ranges alone cannot: the lease outlasts an attempt, templates are named.</summary>
internal sealed class ReplyOptionsRulesValidator : IValidateOptions<ReplyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReplyOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        CheckRange(builder, options.LeaseDuration, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), nameof(ReplyOptions.LeaseDuration));
        CheckRange(builder, options.AttemptTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), nameof(ReplyOptions.AttemptTimeout));
        CheckRange(builder, options.RetryInitialDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), nameof(ReplyOptions.RetryInitialDelay));
        CheckRange(builder, options.RetryMaxDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1), nameof(ReplyOptions.RetryMaxDelay));
        CheckRange(builder, options.RetryWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30), nameof(ReplyOptions.RetryWindow));
        CheckRange(builder, options.PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1), nameof(ReplyOptions.PollInterval));
        if (options.LeaseDuration <= options.AttemptTimeout)
        {
            builder.AddError("must be longer than AttemptTimeout, so an attempt ends before another may start", nameof(ReplyOptions.LeaseDuration));
        }

        if (options.RetryMaxDelay < options.RetryInitialDelay)
        {
            builder.AddError("must not be shorter than RetryInitialDelay", nameof(ReplyOptions.RetryMaxDelay));
        }

        foreach (var template in options.Templates)
        {
            if (string.IsNullOrWhiteSpace(template.Key) || string.IsNullOrWhiteSpace(template.Value))
            {
                builder.AddError($"'{template.Key}' needs a name and a text", nameof(ReplyOptions.Templates));
            }
        }

        return builder.Build();
    }

    private static void CheckRange(ValidateOptionsResultBuilder builder, TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            builder.AddError($"must be between {min} and {max}", name);
        }
    }
}
