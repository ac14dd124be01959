using Microsoft.Extensions.Options;

namespace Monitro.Sources.Bluesky;

/// <summary>Validates the data-annotation ranges of <see cref="BlueskySearchOptions"/> (source-generated, no reflection); a failure names the source and the option.</summary>
[OptionsValidator]
internal sealed partial class BlueskySearchOptionsValidator : IValidateOptions<BlueskySearchOptions>;
