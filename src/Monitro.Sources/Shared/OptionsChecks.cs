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

    /// <summary>Checks that a reply account's option is set; the message names the option, never its value (it may be a secret).</summary>
    public static void ReplyAccountRequired(ValidateOptionsResultBuilder result, string? name, string option, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            result.AddError($"Reply account '{name}': {option} is required.", option);
        }
    }

    /// <summary>Checks that a reply account's whole-number option is within a range.</summary>
    public static void ReplyAccountRange(ValidateOptionsResultBuilder result, string? name, string option, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            result.AddError(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Reply account '{name}': {option} must be between {min:N0} and {max:N0}."), option);
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
