using Microsoft.Extensions.Options;

namespace Monitro.Sources.HackerNews;

/// <summary>Validates the data-annotation ranges of <see cref="HackerNewsSourceOptions"/> (source-generated, no reflection); a failure names the source and the option.</summary>
[OptionsValidator]
internal sealed partial class HackerNewsSourceOptionsValidator : IValidateOptions<HackerNewsSourceOptions>;
