using Microsoft.Extensions.Options;

namespace Monitro.Sources.Reddit;

/// <summary>Validates the data-annotation ranges of <see cref="RedditSourceOptions"/> (source-generated, no reflection); a failure names the source and the option.</summary>
[OptionsValidator]
internal sealed partial class RedditSourceOptionsValidator : IValidateOptions<RedditSourceOptions>;
