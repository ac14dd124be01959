using Microsoft.Extensions.Options;

namespace Monitro.Replies;

/// <summary>Validates the ranges of <see cref="ReplyOptions"/> (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class ReplyOptionsValidator : IValidateOptions<ReplyOptions>;
