namespace Monitro.Analysis.Intent;

/// <summary>
/// Churn cues written as patterns rather than as the phrases they were found in: a verb of ending in any tense with
/// what a customer ends ("cancelling my … sub", "stopped our … deliveries", "closed my … account"), a change of
/// provider ("switched to", "switching banks", "changing energy supplier"), a replacement found ("found an
/// alternative"), a last time ("last month with", "the last time i order"), taking business elsewhere, and giving up.
/// They add to the phrase cues of <see cref="ChurnLexicon"/> and are weighed by the same threshold.
/// </summary>
internal static class ChurnPatterns
{
    // Ending, in the forms people write it.
    private static readonly string[] EndingVerbs =
    [
        "cancel", "cancelling", "canceling", "cancelled", "canceled", "stop", "stopping", "stopped", "end", "ending", "ended",
        "terminate", "terminating", "terminated", "drop", "dropping", "dropped", "ditch", "ditching", "ditched", "quit",
        "quitting", "close", "closing", "closed",
    ];

    // What a customer has with a company and ends when leaving it (bookings and orders are left out: cancelling one is no leaving).
    private static readonly string[] Services =
    [
        "subscription", "sub", "membership", "account", "contract", "plan", "policy", "broadband", "package", "licence",
        "license", "direct debit", "deliveries", "service",
    ];

    // Whom a customer changes ("switching banks", "looking for a new energy supplier").
    private static readonly string[] Providers = ["bank", "provider", "supplier", "network", "carrier", "insurer", "broadband", "energy supplier", "phone company", "gym"];

    // A company cancelling or closing something of the customer's is no leaving by the customer.
    private static readonly string[] OtherActors = ["you", "they", "you've", "they've", "who", "which", "that", "it"];

    /// <summary>Adds the churn patterns to a rule list.</summary>
    /// <param name="rules">The list.</param>
    public static void AddTo(List<IntentRule> rules)
    {
        foreach (var verb in EndingVerbs)
        {
            foreach (var owner in new[] { "my", "our" })
            {
                foreach (var service in Services)
                {
                    rules.Add(new IntentRule(IntentLabel.ChurnRisk, $"{verb} {owner}{IntentRule.Gap}{service}", 1.0) { NotPrecededBy = OtherActors });
                }
            }
        }

        foreach (var provider in Providers)
        {
            var plural = provider.EndsWith('y') ? provider[..^1] + "ies" : provider + "s";
            foreach (var verb in new[] { "switching", "switched", "changing", "changed", "moving", "moved" })
            {
                Add(rules, 1.0, $"{verb} {plural}", $"{verb} {provider}", $"{verb} my {provider}", $"{verb} our {provider}");
            }

            // Said of the future or asked, a change of provider needs company ("… after this", "… when my contract ends").
            Add(rules, 0.5, $"switch {plural}", $"change {plural}", $"switch {provider}", $"change {provider}", $"looking for a new {provider}", $"find a new {provider}", $"need a new {provider}");
            Add(rules, 1.0, $"found a new {provider}", $"found a better {provider}", $"found a cheaper {provider}", $"signed up with a new {provider}", $"new {provider} from");
        }

        // A change of provider said in the past or as a move across needs company: "switched to @Orbitel, so far so good"
        // is most often said to the new provider, as praise.
        foreach (var phrase in new[] { "switched to", "switched over to", "switching over to", "moved over to", "moving over to", "gone over to", "went over to" })
        {
            rules.Add(new IntentRule(IntentLabel.ChurnRisk, phrase, 0.5) { NotPrecededBy = ["nearly", "almost", "never", "you", "they", "who", "anyone", "anybody"] });
        }

        Add(rules, 1.0, "moved … off", "moved everything off");

        // A replacement found.
        Add(rules, 1.0,
            "found an alternative", "found a better", "found a cheaper", "found a replacement", "found something better",
            "found a better deal", "signed up with another", "signed up with someone else");
        Add(rules, 0.4, "getting quotes", "shopping around");

        // The last time, and the last stretch.
        foreach (var stretch in new[] { "month", "week", "year", "day" })
        {
            Add(rules, 1.0, $"last {stretch} with", $"final {stretch} with", $"last {stretch} of my", $"last {stretch} of our");
        }

        foreach (var person in new[] { "i", "we" })
        {
            foreach (var act in new[] { "use", "order", "fly", "book", "shop", "buy", "stay", "deal", "bank", "ever use", "ever order", "ever fly", "ever book" })
            {
                Add(rules, 1.0, $"last time {person} {act}");
            }
        }

        // Business taken elsewhere, and giving up on a company.
        Add(rules, 1.0,
            "taking my custom", "take my custom", "taking our custom", "take our custom", "taking our business",
            "take our business", "not staying with", "won't be staying with", "about to ditch", "going to ditch",
            "gonna ditch", "ditched … for", "ditching … for");
        Add(rules, 0.7,
            "giving up on", "gave up on", "given up on", "had enough of", "had it with", "not staying", "ditching",
            "migrated to", "migrating … from");
        Add(rules, 0.5, "ditched");
    }

    private static void Add(List<IntentRule> rules, double weight, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            rules.Add(new IntentRule(IntentLabel.ChurnRisk, phrase, weight));
        }
    }
}
