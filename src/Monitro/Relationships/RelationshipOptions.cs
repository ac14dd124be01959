using System.ComponentModel.DataAnnotations;

namespace Monitro;

/// <summary>Every parameter of relationship scoring: weights, half-lives, bands, response-time targets and role thresholds.</summary>
/// <remarks>
/// Validated when the host starts. Every snapshot echoes these values (<see cref="RelationshipSnapshot.Parameters"/>)
/// with a hash, so a score can be reproduced.
/// </remarks>
public sealed class RelationshipOptions
{
    /// <summary>Gets or sets the weight of a reply or direct message in Bond.</summary>
    /// <value>The default is 3. Must be between 0 and 1,000.</value>
    [Range(0d, 1_000d)]
    public double ReplyWeight { get; set; } = 3;

    /// <summary>Gets or sets the weight of a mention in Bond.</summary>
    /// <value>The default is 2. Must be between 0 and 1,000.</value>
    [Range(0d, 1_000d)]
    public double MentionWeight { get; set; } = 2;

    /// <summary>Gets or sets the weight of a share in Bond.</summary>
    /// <value>The default is 1. Must be between 0 and 1,000.</value>
    [Range(0d, 1_000d)]
    public double ShareWeight { get; set; } = 1;

    /// <summary>Gets or sets the weight of a reaction in Bond.</summary>
    /// <value>The default is 0.5. Must be between 0 and 1,000.</value>
    [Range(0d, 1_000d)]
    public double ReactionWeight { get; set; } = 0.5;

    /// <summary>Gets or sets the half-life of an interaction's weight in Bond; dormancy is counted in these half-lives.</summary>
    /// <value>The default is 30 days.</value>
    public TimeSpan BondHalfLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the scale of the volume factor, 1 − (1 + weight / scale)^−½: at a weight of three scales the factor is 0.5, at 99 scales 0.9, and it keeps growing.</summary>
    /// <value>The default is 2 (half credit at a weight of 6: two days of replies). Must be greater than 0 and at most 1,000,000.</value>
    [Range(0d, 1_000_000d, MinimumIsExclusive = true)]
    public double VolumeScale { get; set; } = 2;

    /// <summary>Gets or sets how much more a day of many messages weighs in Bond than a day of one: a day of n messages weighs its heaviest kind × (1 + BurstWeight × ln n).</summary>
    /// <value>The default is 1 (a day of 20 messages weighs 4 days of one; of 100, 5.6). 0 counts days of contact only. Must be between 0 and 100.</value>
    [Range(0d, 100d)]
    public double BurstWeight { get; set; } = 1;

    /// <summary>Gets or sets the share of a day's weight in Bond that never decays: people who talked a lot still know each other after a quiet spell.</summary>
    /// <value>The default is 0.5; 0 lets old contact fade away entirely. Must be at least 0 and less than 1.</value>
    [Range(0d, 1d, MaximumIsExclusive = true)]
    public double LastingShare { get; set; } = 0.5;

    /// <summary>Gets or sets the reciprocity factor of a one-way relationship (no answers); it rises to 1 as the days we wrote reach half the days they wrote (or the other way round).</summary>
    /// <value>The default is 0: a relationship only one side wrote in is no tie yet, and its Bond is 0 (its volume is still reported). A value above 0 ranks one-way relationships among themselves by their volume, below two-way ones. Must be between 0 and 1.</value>
    [Range(0d, 1d)]
    public double OneWayFactor { get; set; }

    /// <summary>Gets or sets the duration factor of a relationship that just started; it rises towards 1 with the calendar months with contact (half of the rest at <see cref="DurationMonths"/>).</summary>
    /// <value>The default is 0.5. Must be greater than 0 and at most 1.</value>
    [Range(0d, 1d, MinimumIsExclusive = true)]
    public double NewRelationshipFactor { get; set; } = 0.5;

    /// <summary>Gets or sets how many calendar months with contact give half of the credit for duration: duration = NewRelationshipFactor + (1 − NewRelationshipFactor) × m / (m + DurationMonths), m the calendar months (UTC) with contact.</summary>
    /// <value>The default is 3. Must be greater than 0 and at most 1,000.</value>
    [Range(0d, 1_000d, MinimumIsExclusive = true)]
    public double DurationMonths { get; set; } = 3;

    /// <summary>
    /// Gets or sets how much the overlap of the two sides' correspondents adds to Bond, when the caller passes
    /// <see cref="SharedCorrespondents"/> to <see cref="RelationshipScoring.Score"/>: Bond = 100 × (1 − (1 − exchange) × (1 −
    /// weight × overlap)), so identical circles alone give 100 × weight. The pipeline does not know them and never adds this.
    /// </summary>
    /// <value>The default is 0.1 (identical circles alone give 10). 0 ignores shared correspondents. Must be between 0 and 1.</value>
    [Range(0d, 1d)]
    public double SharedCorrespondentsWeight { get; set; } = 0.1;

    /// <summary>Gets or sets the lowest Bond of the strong band.</summary>
    /// <value>The default is 70. Must be between 0 and 100.</value>
    [Range(0d, 100d)]
    public double StrongBand { get; set; } = 70;

    /// <summary>Gets or sets the lowest Bond of the warm band.</summary>
    /// <value>The default is 40. Must be between 0 and 100.</value>
    [Range(0d, 100d)]
    public double WarmBand { get; set; } = 40;

    /// <summary>Gets or sets how many Bond half-lives without two-way contact make a relationship dormant.</summary>
    /// <value>The default is 3. Must be greater than 0 and at most 1,000,000.</value>
    [Range(0d, 1_000_000d, MinimumIsExclusive = true)]
    public double DormantHalfLives { get; set; } = 3;

    /// <summary>Gets or sets the half-life of sentiment in Affect.</summary>
    /// <value>The default is 30 days.</value>
    public TimeSpan AffectHalfLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets how many analyzed posts Affect needs before giving a value.</summary>
    /// <value>The default is 2. Must be between 1 and 10,000.</value>
    [Range(1, 10_000)]
    public int AffectMinimumObservations { get; set; } = 2;

    /// <summary>Gets or sets the half-life of intent hits in the Intent scores.</summary>
    /// <value>The default is 30 days.</value>
    public TimeSpan IntentHalfLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the half-life of purchase intent, which fades faster than other intents.</summary>
    /// <value>The default is 7 days (a quarter left after two weeks).</value>
    public TimeSpan PurchaseIntentHalfLife { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets the lowest sentiment (−1..+1) of a later post that counts as a recovered tone after a complaint.</summary>
    /// <value>The default is 0.05 (the positive band). Must be between -1 and 1.</value>
    [Range(-1d, 1d)]
    public double RecoveredToneThreshold { get; set; } = 0.05;

    /// <summary>Gets or sets the response-time target for complaints and churn risks.</summary>
    /// <value>The default is 60 minutes.</value>
    public TimeSpan ComplaintResponseTarget { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Gets or sets the response-time target for questions and purchase intent.</summary>
    /// <value>The default is 4 hours.</value>
    public TimeSpan QuestionResponseTarget { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Gets or sets the response-time target for anything else that needs an answer.</summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan OtherResponseTarget { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets the Affect below which a person with enough evidence is a detractor even without a complaint.</summary>
    /// <value>The default is 35. Must be between 0 and 100.</value>
    [Range(0d, 100d)]
    public double DetractorAffect { get; set; } = 35;

    /// <summary>Gets or sets the Affect at or above which praise makes an advocate and a strong bond a friend.</summary>
    /// <value>The default is 60. Must be between 0 and 100.</value>
    [Range(0d, 100d)]
    public double AdvocateAffect { get; set; } = 60;

    /// <summary>Gets or sets how many posts with praise or referral make an advocate (for a recovered detractor, posts after the recovery).</summary>
    /// <value>The default is 2. Must be between 1 and 10,000.</value>
    [Range(1, 10_000)]
    public int AdvocateMinimumPosts { get; set; } = 2;

    /// <summary>Gets or sets the purchase-intent score (0–100) at or above which a person is a prospect.</summary>
    /// <value>The default is 30. Must be between 0 and 100.</value>
    [Range(0d, 100d)]
    public double ProspectIntentThreshold { get; set; } = 30;

    /// <summary>Gets or sets a value indicating whether employment-related roles (talent) may be guessed from posts.</summary>
    /// <value>The default is <see langword="false"/>: nobody is guessed to be talent, and only the CRM says who is an employee.</value>
    public bool EnableEmploymentInferences { get; set; }

    /// <summary>Gets or sets a value indicating whether the Reach score (followers percentile) is computed.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool EnableReach { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether every item past its response-time target raises an alert, not only complaints and churn risks.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool AlertOnEveryOverdueItem { get; set; }

    /// <summary>Gets or sets how old a change may be and still raise an alert: older changes (found when replaying or back-filling history) update the state silently.</summary>
    /// <value>The default is one day. The age counts from the triggering post, the missed response target, or the moment the relationship turned dormant.</value>
    public TimeSpan TransitionMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets how long CRM facts from the <see cref="IContactResolver"/> are cached.</summary>
    /// <value>The default is one hour.</value>
    public TimeSpan ContactCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how often the pipeline re-evaluates time-based transitions when no posts arrive.</summary>
    /// <value>The default is one minute.</value>
    public TimeSpan AdvanceInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets a value indicating whether identities that share a verified domain (a Bluesky domain handle, a Mastodon verified link) are merged.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool MergeByVerifiedDomain { get; set; } = true;

    /// <summary>Gets the identities the user states belong to one person, as pairs of identity keys.</summary>
    /// <value>The default is empty.</value>
    public IList<IdentityLink> LinkedIdentities { get; } = [];
}
