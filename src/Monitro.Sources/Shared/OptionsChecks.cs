using Microsoft.Extensions.Options;

namespace Monitro.Sources.Shared;

/// <summary>Checks shared by the options validators; each adds a message that names the source, the option and the reason.</summary>
internal static class OptionsChecks
{
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
        if (options.FailureThreshold is < 1 or > 1_000)
        {
            result.AddError($"Source '{name}': FailureThreshold must be between 1 and 1000 (was {options.FailureThreshold}).", nameof(options.FailureThreshold));
        }
    }

    public static void Polling(ValidateOptionsResultBuilder result, string? name, PollingSourceOptions options)
    {
        Common(result, name, options);
        Range(result, name, nameof(options.PollInterval), options.PollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Range(result, name, nameof(options.RetryInitialDelay), options.RetryInitialDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        Range(result, name, nameof(options.RetryMaxDelay), options.RetryMaxDelay, options.RetryInitialDelay, TimeSpan.FromDays(1));
        if (options.RequestsPerMinute is < 1 or > 10_000)
        {
            result.AddError($"Source '{name}': RequestsPerMinute must be between 1 and 10000 (was {options.RequestsPerMinute}).", nameof(options.RequestsPerMinute));
        }

        if (options.MaxResponseBytes is < 1024 or > 256L * 1024 * 1024)
        {
            result.AddError($"Source '{name}': MaxResponseBytes must be between 1024 and 268435456 (was {options.MaxResponseBytes}).", nameof(options.MaxResponseBytes));
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            result.AddError($"Source '{name}': UserAgent must not be empty.", nameof(options.UserAgent));
        }
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

    public static void Required(ValidateOptionsResultBuilder result, string? name, string option, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            result.AddError($"Source '{name}': {option} is required.", option);
        }
    }
}
