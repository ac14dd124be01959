using Microsoft.Extensions.Options;

namespace Monitro.Sources.Bluesky;

/// <summary>Validates the data-annotation ranges of <see cref="BlueskyJetstreamOptions"/> (source-generated, no reflection); a failure names the source and the option.</summary>
[OptionsValidator]
internal sealed partial class BlueskyJetstreamOptionsValidator : IValidateOptions<BlueskyJetstreamOptions>;
