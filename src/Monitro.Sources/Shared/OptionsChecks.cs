using Microsoft.Extensions.Options;

namespace Monitro.Sources.Shared;

/// <summary>The cross-field checks shared by the sources' custom validators and time ranges (attributes on the options cover the rest; a TimeSpan range attribute is not trim-safe); each adds a message that names the source, the option and the reason.</summary>
internal static class OptionsChecks
{
    /// <summary>Checks the first-run settings and the silence threshold of every source.</summary>
    public static void Common(ValidateOptionsResultBuilder result, string? name, ListeningSourceOptions options)
    {
        if (options.FirstRun == FirstRunMode.Since && options.FirstRunSince is null)
        {
            result.AddError($"Source '{name}': FirstRunSince is required when FirstRun is Since.", nameof(options.FirstRunSince));
        }

        if (!Enum.IsDefined(options.FirstRun))
        {
            result.AddError($"Source '{name}': FirstRun '{options.FirstRun}' is not a known mode.", nameof(options.FirstRun));
        }

        Range(result, name, nameof(options.SilenceThreshold), options.SilenceThreshold, TimeSpan.FromSeconds(1), TimeSpan.FromDays(90));
    }

    /// <summary>Checks <see cref="Common"/>, the poll interval and the retry delays of a polling source.</summary>
    public static void Polling(ValidateOptionsResultBuilder result, string? name, PollingSourceOptions options)
    {
        Common(result, name, options);
        Range(result, name, nameof(options.PollInterval), options.PollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Range(result, name, nameof(options.RetryInitialDelay), options.RetryInitialDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        Range(result, name, nameof(options.RetryMaxDelay), options.RetryMaxDelay, options.RetryInitialDelay, TimeSpan.FromDays(1));
    }

    public static void Range(ValidateOptionsResultBuilder result, string? name, string option, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            result.AddError($"Source '{name}': {option} must be between {min} and {max} (was {value}).", option);
        }
    }

    public static void AbsoluteHttpUri(ValidateOptionsResultBuilder result, string? name, string option, Uri? value, bool webSocket = false)
    {
        if (value is null)
        {
            result.AddError($"Source '{name}': {option} is required.", option);
            return;
        }

        string[] schemes = webSocket ? ["ws", "wss"] : ["http", "https"];
        if (!value.IsAbsoluteUri || !schemes.Contains(value.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            result.AddError($"Source '{name}': {option} must be an absolute {string.Join(" or ", schemes)} address (was '{value}').", option);
        }
    }
}
