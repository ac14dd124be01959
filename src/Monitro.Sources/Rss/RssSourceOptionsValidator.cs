using Microsoft.Extensions.Options;

namespace Monitro.Sources.Rss;

/// <summary>Validates the data-annotation ranges of <see cref="RssSourceOptions"/> (source-generated, no reflection); a failure names the source and the option.</summary>
[OptionsValidator]
internal sealed partial class RssSourceOptionsValidator : IValidateOptions<RssSourceOptions>;
