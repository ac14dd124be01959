
namespace Monitro.Samples.Crm;

/// <summary>
/// Which mentions open a case: complaints from people. Not from news sources (a headline about a problem is not a
/// customer waiting for us), not from the company's own accounts, and not from a post whose tone is positive (a
/// "was broken, now fixed, thanks" post has a complaint phrase but asks nothing of us).
/// </summary>
public sealed class CasePolicy(IReadOnlySet<string> ownIdentityKeys)
{
    /// <summary>Platforms whose authors are publications (feeds of news sites and blogs), not people.</summary>
    public static IReadOnlySet<string> NewsPlatforms { get; } = new HashSet<string>(["rss"], StringComparer.Ordinal);

    /// <summary>Tells whether the mention opens a case.</summary>
    public bool OpensCase(MentionCreatedData mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return mention.IsComplaint
            && mention.Sentiment?.Label != "positive"
            && !NewsPlatforms.Contains(mention.Person.Platform)
            && !ownIdentityKeys.Contains(mention.Person.IdentityKey);
    }
}
