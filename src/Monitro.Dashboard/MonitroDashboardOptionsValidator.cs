using Microsoft.Extensions.Options;

namespace Monitro.Dashboard;

/// <summary>Checks the ranges of <see cref="MonitroDashboardOptions"/> (generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class MonitroDashboardOptionsValidator : IValidateOptions<MonitroDashboardOptions>;
