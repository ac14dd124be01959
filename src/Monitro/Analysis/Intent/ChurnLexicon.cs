namespace Monitro.Analysis.Intent;

/// <summary>
/// The cues of a churn risk (English, lower case) with their weights. A churn risk is found when the cues of a text
/// add up to <see cref="IntentScoring.ChurnThreshold"/>: leaving, cancelling, switching or an ultimatum
/// ("giving them one more month … then we're gone"), with softer cues (contract ends, at renewal) that need company.
/// </summary>
internal static class ChurnLexicon
{
    // What customers cancel without leaving the company.
    private static readonly string[] Bookings = ["booking", "reservation", "order", "appointment", "flight", "table", "delivery", "train", "ticket", "tickets", "trip", "holiday", "room", "stay"];

    /// <summary>Adds the churn cues to a rule list.</summary>
    /// <param name="rules">The list.</param>
    public static void AddTo(List<IntentRule> rules)
    {
        // Leaving, said plainly.
        Add(rules, 1.0,
            "switching to", "switching from", "switched from", "moving away from", "migrating away from", "moving off",
            "moving the team off", "moving everything", "close my account", "closing my account", "close our account",
            "delete my account", "deleting my account", "won't renew", "will not renew", "not renewing",
            "won't be renewing", "not renew", "time to switch", "last straw", "dead to me",
            "unsubscribing", "unsubscribed", "going back to", "uninstalling", "uninstalled", "we're gone", "i'm gone",
            "lost me", "lost us", "lost a … customer", "no longer a … customer", "see you never", "nice knowing you",
            "had your last", "can keep your", "can keep their",
            "we are gone", "i'm out", "i'm leaving", "we're leaving", "i am leaving", "lost a customer",
            "going elsewhere", "go elsewhere", "take my business", "taking my business", "porting", "port my",
            "put in my notice", "ending my subscription", "end my subscription", "not worth it anymore",
            "moving to another", "migrating our", "deleting the app", "deleted the app",
            "then i'm switching", "i'm switching", "trial a competitor", "considering moving",
            "switching … from", "switched … from", "move … off", "moving … off", "just cancelled", "i've cancelled",
            "we've cancelled", "i have cancelled", "won't be back", "won't be coming back", "not coming back",
            "never coming back", "won't be returning", "won't be using");

        // "never again will I doubt you" says the speaker changed their mind, not their provider.
        string[] inverted = ["will i", "am i", "do i", "shall i", "would i", "will we"];
        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "never again", 1.0) { NotFollowedBy = inverted });
        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "never … again", 1.0) { NotFollowedBy = inverted });

        // Leaving, said loosely, or an ultimatum.
        Add(rules, 0.7,
            "looking elsewhere", "other providers", "another provider", "another bank", "another network",
            "another supplier", "another service", "a competitor", "moving my", "moving our", "moving back",
            "migrating to", "deleting", "closing my", "i'm off", "one more month", "one more chance",
            "i'm done", "switching", "cancelling", "canceling", "we're off", "going to leave", "not anymore",
            "count me out",
            "peace out", "that's me done", "that's it for me", "no longer with",
            "gonna leave", "about to leave",
            "moving … from", "new … provider");

        // Softer cues that need company.
        // Said of the day, the dishes or a city as often as of a company: the shape of the sentence decides
        // ("done with @Quillnet", "bye @Orbitel"; not "done with the garden", "goodbye 2026").
        Add(rules, 0.5, "done with");
        Add(rules, 0.4, "goodbye", "bye");
        Add(rules, 0.5,
            "dropping", "moving to", "so long", "good riddance", "somewhere else", "anyone but", "that was my last");
        Add(rules, 0.4,
            "alternatives to", "alternative to", "i'll be booking", "from now on", "at renewal", "contract ends",
            "contract is up", "when my contract",
            "once my contract", "for good", "elsewhere", "someone else", "last chance");
        Add(rules, 0.3,
            "end of the quarter", "end of the month", "anymore", "considering", "next month");
        Add(rules, 0.2,
            "then", "thinking of", "thinking about", "seriously");

        // Companies cancel flights and orders; people cancel their plans.
        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "cancelled my", 1.0) { NotPrecededBy = ["you", "they", "restaurant", "seller", "host"], NotFollowedBy = ["order", "flight", "train", "booking", "table"] });
        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "canceled my", 1.0) { NotPrecededBy = ["you", "they"] });
        // Cancelling a booking or an order is no leaving.
        foreach (var phrase in new[] { "cancel my", "cancelling my", "canceling my", "cancel our", "cancelling our", "canceling our" })
        {
            rules.Add(new IntentRule(IntentLabel.ChurnRisk, phrase, 1.0) { NotFollowedBy = Bookings });
        }

        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "how do i cancel", 1.0)
        {
            NotFollowedBy = [.. Bookings, "a booking", "the booking", "a reservation", "an order", "the order", "an appointment", "a flight", "my booking", "my reservation", "my order", "my appointment", "my flight"],
        });
        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "ported", 1.0) { NotFollowedBy = ["out of"] });
        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "leaving", 0.7) { NotPrecededBy = ["for", "before", "after", "when", "while"] });
        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "cancelled", 0.4) { NotPrecededBy = ["flight", "train", "order", "was", "been", "got", "has", "had", "they", "you", "restaurant", "host", "just"], NotFollowedBy = ["my flight", "the flight", "our flight", "my order", "my train"] });
        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "canceled", 0.4) { NotPrecededBy = ["flight", "train", "order", "was", "been", "got", "has", "had"] });
        rules.Add(new IntentRule(IntentLabel.ChurnRisk, "cancel", 0.7) { NotPrecededBy = ["to", "i", "you", "can"] });
    }

    private static void Add(List<IntentRule> rules, double weight, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            rules.Add(new IntentRule(IntentLabel.ChurnRisk, phrase, weight));
        }
    }
}
