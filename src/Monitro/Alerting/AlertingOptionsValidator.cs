using Microsoft.Extensions.Options;

namespace Monitro.Alerting;

/// <summary>Validates the data-annotation ranges of <see cref="AlertingOptions"/> and of each rule (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class AlertingOptionsValidator : IValidateOptions<AlertingOptions>;
