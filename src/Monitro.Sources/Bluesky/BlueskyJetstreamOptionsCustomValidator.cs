using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>Validates <see cref="BlueskyJetstreamOptions"/> with messages that name the source and the option.</summary>
internal sealed class BlueskyJetstreamOptionsValidator : IValidateOptions<BlueskyJetstreamOptions>
{
    public ValidateOptionsResult Validate(string? name, BlueskyJetstreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        OptionsChecks.Common(result, name, options);
        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.Endpoint), options.Endpoint, webSocket: true);
        if (options.WantedDids.Count > 10_000)
        {
            result.AddError($"Source '{name}': WantedDids holds at most 10000 DIDs (has {options.WantedDids.Count}).", nameof(options.WantedDids));
        }

        foreach (var did in options.WantedDids.Where(d => d is null || !d.StartsWith("did:", StringComparison.Ordinal)))
        {
            result.AddError($"Source '{name}': WantedDids contains '{did}', which is not a DID (did:plc:… or did:web:…).", nameof(options.WantedDids));
        }

        OptionsChecks.Range(result, name, nameof(options.CursorRewind), options.CursorRewind, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        OptionsChecks.Range(result, name, nameof(options.ReconnectInitialDelay), options.ReconnectInitialDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        OptionsChecks.Range(result, name, nameof(options.ReconnectMaxDelay), options.ReconnectMaxDelay, options.ReconnectInitialDelay, TimeSpan.FromHours(1));
        OptionsChecks.Range(result, name, nameof(options.ConnectTimeout), options.ConnectTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        if (options.MaxMessageBytes is < 1024 or > 10 * 1024 * 1024)
        {
            result.AddError($"Source '{name}': MaxMessageBytes must be between 1024 and 10485760 (was {options.MaxMessageBytes}).", nameof(options.MaxMessageBytes));
        }

        if (options.MaxBatchSize is < 1 or > 100_000)
        {
            result.AddError($"Source '{name}': MaxBatchSize must be between 1 and 100000 (was {options.MaxBatchSize}).", nameof(options.MaxBatchSize));
        }

        return result.Build();
    }
}
