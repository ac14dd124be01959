using Microsoft.Extensions.Options;

namespace Monitro.Relationships;

/// <summary>Validates the data-annotation ranges of <see cref="RelationshipOptions"/> (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class RelationshipOptionsValidator : IValidateOptions<RelationshipOptions>;
