using System.Globalization;
using Microsoft.Extensions.Options;

namespace Monitro.DependencyInjection;

/// <summary>Validates what attributes cannot: time ranges, watches (names and queries) and own-account keys.</summary>
internal sealed class MonitroOptionsCustomValidator : IValidateOptions<MonitroOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitroOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        CheckRange(result, nameof(MonitroOptions.SourceRetryInitialDelay), options.SourceRetryInitialDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        CheckRange(result, nameof(MonitroOptions.SourceRetryMaxDelay), options.SourceRetryMaxDelay, options.SourceRetryInitialDelay, TimeSpan.FromDays(1));
        CheckRange(result, nameof(MonitroOptions.SinkRetryInitialDelay), options.SinkRetryInitialDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10));
        CheckRange(result, nameof(MonitroOptions.SinkRetryMaxDelay), options.SinkRetryMaxDelay, options.SinkRetryInitialDelay, TimeSpan.FromDays(1));
        CheckRange(result, nameof(MonitroOptions.SinkRetryWindow), options.SinkRetryWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30));
        CheckRange(result, nameof(MonitroOptions.SinkCircuitBreakDuration), options.SinkCircuitBreakDuration, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        CheckRange(result, nameof(MonitroOptions.DeliveryLeaseDuration), options.DeliveryLeaseDuration, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        CheckRange(result, nameof(MonitroOptions.ShutdownGracePeriod), options.ShutdownGracePeriod, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        CheckWatches(result, options.Watches);
        CheckOwnAccounts(result, options.OwnAccounts);
        return result.Build();
    }

    private static void CheckRange(ValidateOptionsResultBuilder result, string option, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            result.AddError($"{option} is {value}; it must be between {min} and {max}.", option);
        }
    }

    private static void CheckWatches(ValidateOptionsResultBuilder result, IList<WatchDefinition> watches)
    {
        var byName = new Dictionary<string, WatchDefinition>(StringComparer.Ordinal);
        for (var i = 0; i < watches.Count; i++)
        {
            var watch = watches[i];
            var option = ItemPath(nameof(MonitroOptions.Watches), i);
            if (watch is null)
            {
                result.AddError("The watch is missing.", option);
                continue;
            }

            if (string.IsNullOrWhiteSpace(watch.Name))
            {
                result.AddError("The watch has no name.", option);
                continue;
            }

            if (byName.TryGetValue(watch.Name, out var earlier))
            {
                // The same watch registered twice is harmless; two different watches under one name are not.
                if (earlier.Category != watch.Category || !string.Equals(earlier.Query, watch.Query, StringComparison.Ordinal))
                {
                    result.AddError($"Two different watches are named '{watch.Name}'; watch names must be unique.", option);
                }

                continue;
            }

            byName[watch.Name] = watch;
            if (!Enum.IsDefined(watch.Category))
            {
                result.AddError($"Watch '{watch.Name}' has an unknown category {(int)watch.Category}.", option);
            }

            if (string.IsNullOrWhiteSpace(watch.Query))
            {
                result.AddError($"Watch '{watch.Name}' has no query.", option);
                continue;
            }

            try
            {
                MonitroQuery.Validate(watch.Query);
            }
            catch (QuerySyntaxException exception)
            {
                result.AddError($"The query of watch '{watch.Name}' is not valid: {exception.Message}.", option);
            }
        }
    }

    private static void CheckOwnAccounts(ValidateOptionsResultBuilder result, IList<string> ownAccounts)
    {
        for (var i = 0; i < ownAccounts.Count; i++)
        {
            var key = ownAccounts[i];
            var separator = key?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (separator <= 0 || separator == key!.Length - 1)
            {
                result.AddError($"'{key}' is not an identity key of the form 'platform:handle' (for example 'mastodon:acme@mastodon.social').", ItemPath(nameof(MonitroOptions.OwnAccounts), i));
            }
        }
    }

    // A list item's member path; for options bound from configuration the registration turns it into "Monitro:Watches:1".
    private static string ItemPath(string option, int index) => string.Create(CultureInfo.InvariantCulture, $"{option}[{index}]");
}
