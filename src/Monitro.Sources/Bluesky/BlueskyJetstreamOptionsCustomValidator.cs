using Microsoft.Extensions.Options;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>Validates what attributes cannot in <see cref="BlueskyJetstreamOptions"/>: the stream's address, the number and form of the DIDs and the time ranges; a failure names the source and the option.</summary>
internal sealed class BlueskyJetstreamOptionsCustomValidator : SourceOptionsCustomValidator<BlueskyJetstreamOptions>
{
    protected override void Check(ValidateOptionsResultBuilder result, string? name, BlueskyJetstreamOptions options)
    {
        if (options.WantedDids.Count > 10_000)
        {
            result.AddError($"Source '{name}': WantedDids holds at most 10000 DIDs (has {options.WantedDids.Count}).", nameof(options.WantedDids));
        }

        OptionsChecks.AbsoluteHttpUri(result, name, nameof(options.Endpoint), options.Endpoint, webSocket: true);
        foreach (var did in options.WantedDids.Where(d => d is null || !d.StartsWith("did:", StringComparison.Ordinal)))
        {
            result.AddError($"Source '{name}': WantedDids contains '{did}', which is not a DID (did:plc:… or did:web:…).", nameof(options.WantedDids));
        }

        OptionsChecks.Range(result, name, nameof(options.CursorRewind), options.CursorRewind, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        OptionsChecks.Range(result, name, nameof(options.ReconnectInitialDelay), options.ReconnectInitialDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        OptionsChecks.Range(result, name, nameof(options.ReconnectMaxDelay), options.ReconnectMaxDelay, options.ReconnectInitialDelay, TimeSpan.FromHours(1));
        OptionsChecks.Range(result, name, nameof(options.ConnectTimeout), options.ConnectTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }
}
