using Microsoft.Extensions.Options;

namespace Monitro.DependencyInjection;

/// <summary>Validates the data-annotation ranges of <see cref="MonitroOptions"/> (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class MonitroOptionsValidator : IValidateOptions<MonitroOptions>;
