using Microsoft.Extensions.Options;

namespace Monitro.Sources.Mastodon;

/// <summary>Validates the data-annotation ranges of <see cref="MastodonSourceOptions"/> (source-generated, no reflection); a failure names the source and the option.</summary>
[OptionsValidator]
internal sealed partial class MastodonSourceOptionsValidator : IValidateOptions<MastodonSourceOptions>;
