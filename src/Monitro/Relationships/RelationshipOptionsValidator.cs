using Microsoft.Extensions.Options;

namespace Monitro.Relationships;

/// <summary>Checks <see cref="RelationshipOptions"/> when the host starts, with a message per problem that names the option.</summary>
internal sealed class RelationshipOptionsValidator : IValidateOptions<RelationshipOptions>
{
    public ValidateOptionsResult Validate(string? name, RelationshipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        NonNegative(failures, nameof(options.ReplyWeight), options.ReplyWeight);
        NonNegative(failures, nameof(options.MentionWeight), options.MentionWeight);
        NonNegative(failures, nameof(options.ShareWeight), options.ShareWeight);
        NonNegative(failures, nameof(options.ReactionWeight), options.ReactionWeight);
        Positive(failures, nameof(options.BondHalfLife), options.BondHalfLife);
        Positive(failures, nameof(options.AffectHalfLife), options.AffectHalfLife);
        Positive(failures, nameof(options.IntentHalfLife), options.IntentHalfLife);
        Positive(failures, nameof(options.PurchaseIntentHalfLife), options.PurchaseIntentHalfLife);
        Positive(failures, nameof(options.FullDuration), options.FullDuration);
        Positive(failures, nameof(options.ComplaintResponseTarget), options.ComplaintResponseTarget);
        Positive(failures, nameof(options.QuestionResponseTarget), options.QuestionResponseTarget);
        Positive(failures, nameof(options.OtherResponseTarget), options.OtherResponseTarget);
        Positive(failures, nameof(options.ContactCacheDuration), options.ContactCacheDuration);
        Positive(failures, nameof(options.AdvanceInterval), options.AdvanceInterval);
        Positive(failures, nameof(options.TransitionMaxAge), options.TransitionMaxAge);
        if (!(options.VolumeScale > 0))
        {
            failures.Add($"RelationshipOptions.VolumeScale must be greater than 0 (was {options.VolumeScale}).");
        }

        if (!(options.LastingShare is >= 0 and < 1))
        {
            failures.Add($"RelationshipOptions.LastingShare must be at least 0 and less than 1 (was {options.LastingShare}).");
        }

        if (!(options.DormantHalfLives > 0))
        {
            failures.Add($"RelationshipOptions.DormantHalfLives must be greater than 0 (was {options.DormantHalfLives}).");
        }

        Fraction(failures, nameof(options.OneWayFactor), options.OneWayFactor);
        Fraction(failures, nameof(options.NewRelationshipFactor), options.NewRelationshipFactor);
        Score(failures, nameof(options.StrongBand), options.StrongBand);
        Score(failures, nameof(options.WarmBand), options.WarmBand);
        Score(failures, nameof(options.DetractorAffect), options.DetractorAffect);
        Score(failures, nameof(options.AdvocateAffect), options.AdvocateAffect);
        Score(failures, nameof(options.ProspectIntentThreshold), options.ProspectIntentThreshold);
        if (options.WarmBand >= options.StrongBand)
        {
            failures.Add($"RelationshipOptions.WarmBand ({options.WarmBand}) must be lower than StrongBand ({options.StrongBand}).");
        }

        if (options.DetractorAffect >= options.AdvocateAffect)
        {
            failures.Add($"RelationshipOptions.DetractorAffect ({options.DetractorAffect}) must be lower than AdvocateAffect ({options.AdvocateAffect}).");
        }

        if (options.RecoveredToneThreshold is < -1 or > 1 || double.IsNaN(options.RecoveredToneThreshold))
        {
            failures.Add($"RelationshipOptions.RecoveredToneThreshold must be between -1 and 1 (was {options.RecoveredToneThreshold}).");
        }

        if (options.AffectMinimumObservations < 1)
        {
            failures.Add($"RelationshipOptions.AffectMinimumObservations must be at least 1 (was {options.AffectMinimumObservations}).");
        }

        if (options.AdvocateMinimumPosts < 1)
        {
            failures.Add($"RelationshipOptions.AdvocateMinimumPosts must be at least 1 (was {options.AdvocateMinimumPosts}).");
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

    private static bool IsIdentityKey(string? key) =>
        key is not null && key.IndexOf(':', StringComparison.Ordinal) is > 0 and var at && at < key.Length - 1;

    private static void NonNegative(List<string> failures, string name, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            failures.Add($"RelationshipOptions.{name} must be a finite number of at least 0 (was {value}).");
        }
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"RelationshipOptions.{name} must be a positive duration (was {value}).");
        }
    }

    private static void Fraction(List<string> failures, string name, double value)
    {
        if (!(value is > 0 and <= 1))
        {
            failures.Add($"RelationshipOptions.{name} must be greater than 0 and at most 1 (was {value}).");
        }
    }

    private static void Score(List<string> failures, string name, double value)
    {
        if (!(value is >= 0 and <= 100))
        {
            failures.Add($"RelationshipOptions.{name} must be between 0 and 100 (was {value}).");
        }
    }
}
