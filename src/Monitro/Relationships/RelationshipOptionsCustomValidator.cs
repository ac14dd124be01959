using Microsoft.Extensions.Options;

namespace Monitro.Relationships;

/// <summary>Validates what attributes cannot in <see cref="RelationshipOptions"/>: durations (a TimeSpan range attribute is not trim-safe), the order of the bands and the linked identities.</summary>
internal sealed class RelationshipOptionsCustomValidator : IValidateOptions<RelationshipOptions>
{
    public ValidateOptionsResult Validate(string? name, RelationshipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Positive(failures, nameof(options.BondHalfLife), options.BondHalfLife);
        Positive(failures, nameof(options.AffectHalfLife), options.AffectHalfLife);
        Positive(failures, nameof(options.IntentHalfLife), options.IntentHalfLife);
        Positive(failures, nameof(options.PurchaseIntentHalfLife), options.PurchaseIntentHalfLife);
        Positive(failures, nameof(options.ComplaintResponseTarget), options.ComplaintResponseTarget);
        Positive(failures, nameof(options.QuestionResponseTarget), options.QuestionResponseTarget);
        Positive(failures, nameof(options.OtherResponseTarget), options.OtherResponseTarget);
        Positive(failures, nameof(options.ContactCacheDuration), options.ContactCacheDuration);
        Positive(failures, nameof(options.AdvanceInterval), options.AdvanceInterval);
        Positive(failures, nameof(options.TransitionMaxAge), options.TransitionMaxAge);
        if (options.WarmBand >= options.StrongBand)
        {
            failures.Add($"RelationshipOptions.WarmBand ({options.WarmBand}) must be lower than StrongBand ({options.StrongBand}).");
        }

        if (options.DetractorAffect >= options.AdvocateAffect)
        {
            failures.Add($"RelationshipOptions.DetractorAffect ({options.DetractorAffect}) must be lower than AdvocateAffect ({options.AdvocateAffect}).");
        }

        for (var i = 0; i < options.LinkedIdentities.Count; i++)
        {
            var link = options.LinkedIdentities[i];
            if (link is null || !IsIdentityKey(link.First) || !IsIdentityKey(link.Second))
            {
                failures.Add($"RelationshipOptions.LinkedIdentities[{i}] must name two identity keys of the form 'platform:handle'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"RelationshipOptions.{name} must be a positive duration (was {value}).");
        }
    }

    private static bool IsIdentityKey(string? key) =>
        key is not null && key.IndexOf(':', StringComparison.Ordinal) is > 0 and var at && at < key.Length - 1;
}
