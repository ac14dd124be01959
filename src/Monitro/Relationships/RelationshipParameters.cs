using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Monitro.Relationships;

/// <summary>The options a registry scores with, frozen at start, with their echo (name → value) and a short hash of it.</summary>
internal sealed class RelationshipParameters
{
    public RelationshipParameters(RelationshipOptions options)
    {
        Options = options;
        var culture = CultureInfo.InvariantCulture;
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(options.ReplyWeight)] = options.ReplyWeight.ToString("R", culture),
            [nameof(options.MentionWeight)] = options.MentionWeight.ToString("R", culture),
            [nameof(options.ShareWeight)] = options.ShareWeight.ToString("R", culture),
            [nameof(options.ReactionWeight)] = options.ReactionWeight.ToString("R", culture),
            [nameof(options.BondHalfLife)] = options.BondHalfLife.ToString("c", culture),
            [nameof(options.VolumeScale)] = options.VolumeScale.ToString("R", culture),
            [nameof(options.BurstWeight)] = options.BurstWeight.ToString("R", culture),
            [nameof(options.LastingShare)] = options.LastingShare.ToString("R", culture),
            [nameof(options.OneWayFactor)] = options.OneWayFactor.ToString("R", culture),
            [nameof(options.NewRelationshipFactor)] = options.NewRelationshipFactor.ToString("R", culture),
            [nameof(options.DurationMonths)] = options.DurationMonths.ToString("R", culture),
            [nameof(options.SharedCorrespondentsWeight)] = options.SharedCorrespondentsWeight.ToString("R", culture),
            [nameof(options.StrongBand)] = options.StrongBand.ToString("R", culture),
            [nameof(options.WarmBand)] = options.WarmBand.ToString("R", culture),
            [nameof(options.DormantHalfLives)] = options.DormantHalfLives.ToString("R", culture),
            [nameof(options.AffectHalfLife)] = options.AffectHalfLife.ToString("c", culture),
            [nameof(options.AffectMinimumObservations)] = options.AffectMinimumObservations.ToString(culture),
            [nameof(options.IntentHalfLife)] = options.IntentHalfLife.ToString("c", culture),
            [nameof(options.PurchaseIntentHalfLife)] = options.PurchaseIntentHalfLife.ToString("c", culture),
            [nameof(options.RecoveredToneThreshold)] = options.RecoveredToneThreshold.ToString("R", culture),
            [nameof(options.ComplaintResponseTarget)] = options.ComplaintResponseTarget.ToString("c", culture),
            [nameof(options.QuestionResponseTarget)] = options.QuestionResponseTarget.ToString("c", culture),
            [nameof(options.OtherResponseTarget)] = options.OtherResponseTarget.ToString("c", culture),
            [nameof(options.DetractorAffect)] = options.DetractorAffect.ToString("R", culture),
            [nameof(options.AdvocateAffect)] = options.AdvocateAffect.ToString("R", culture),
            [nameof(options.AdvocateMinimumPosts)] = options.AdvocateMinimumPosts.ToString(culture),
            [nameof(options.ProspectIntentThreshold)] = options.ProspectIntentThreshold.ToString("R", culture),
            [nameof(options.EnableEmploymentInferences)] = options.EnableEmploymentInferences ? "true" : "false",
            [nameof(options.EnableReach)] = options.EnableReach ? "true" : "false",
        };
        Values = new Dictionary<string, string>(values, StringComparer.Ordinal);
        var canonical = new StringBuilder();
        foreach (var (name, value) in values)
        {
            canonical.Append(name).Append('=').Append(value).Append('\n');
        }

        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..16];
    }

    public RelationshipOptions Options { get; }

    public IReadOnlyDictionary<string, string> Values { get; }

    public string Hash { get; }
}
