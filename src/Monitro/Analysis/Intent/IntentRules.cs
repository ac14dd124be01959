namespace Monitro.Analysis.Intent;

/// <summary>The built-in phrase table of the <see cref="RuleIntentDetector"/> (English, lower case).</summary>
internal static class IntentRules
{
    /// <summary>The confidence of a question mark that ends a question.</summary>
    public const double QuestionMarkConfidence = 0.8;

    private static readonly string[] RecommendationAsks = ["a", "an", "any", "me", "something", "some", "one"];

    /// <summary>Gets all rules.</summary>
    public static IReadOnlyList<IntentRule> All { get; } = Build();

    /// <summary>Gets the rules keyed by the first word of their phrase.</summary>
    public static IntentPhraseIndex Index { get; } = new(All);

    private static List<IntentRule> Build()
    {
        var rules = new List<IntentRule>();

        // Complaints and churn risks are found by score; their cues have weights rather than confidences.
        ComplaintLexicon.AddTo(rules);
        ChurnLexicon.AddTo(rules);
        ChurnPatterns.AddTo(rules);
        ComplaintLookalikeCues.AddTo(rules);

        // Questions and requests for help (a question mark is handled separately).
        Add(rules, IntentLabel.Question, 0.85,
            "how do i", "how do you", "how can i", "how to", "does anyone know", "anyone know", "anybody know",
            "can anyone", "can anybody", "can someone", "could someone", "is there a way", "any idea",
            "any ideas", "any tips", "need help", "please help", "help me", "can you help", "could you help",
            "where can i", "where do i", "is it possible", "what's the best way", "what is the best way");
        rules.Add(new IntentRule(IntentLabel.Question, "help", 0.4)
        {
            NotPrecededBy = ["the", "your", "for", "of", "no", "great", "some", "any", "little"],
            NotFollowedBy = ["desk", "center", "centre", "page", "docs", "article"],
        });

        // Purchase intent: looking for, comparing, asking for recommendations or prices.
        rules.Add(new IntentRule(IntentLabel.PurchaseIntent, "looking for", 0.7)
        {
            NotFollowedBy = ["a new role", "a new job", "a job", "a role", "work", "my next", "new opportunities", "a new position", "a position"],
        });
        Add(rules, IntentLabel.PurchaseIntent, 0.85,
            "recommend a", "recommend an", "recommend any", "recommend me", "recommend something",
            "any recommendations", "recommendations for", "alternative to", "alternatives to", "alternative for",
            "worth it?", "is it worth", "thinking of buying", "thinking about buying", "planning to buy",
            "want to buy", "should i buy", "should i get", "considering buying", "free trial", "how much does",
            "how much is", "quote for", "which is better", "shopping for", "in the market for");
        Add(rules, IntentLabel.PurchaseIntent, 0.75,
            "customer now", "became a customer", "just became a", "signed up for", "signed the annual", "just ordered",
            "just bought", "ready to upgrade", "upgrade to", "thinking of switching to", "thinking about switching to",
            "considering switching to");
        Add(rules, IntentLabel.PurchaseIntent, 0.5, "pricing", "price of", "demo", "vs", "versus", "evaluating");

        // Praise and advocacy.
        rules.Add(new IntentRule(IntentLabel.Praise, "love", 0.8) { NotPrecededBy = ["would", "i'd", "we'd", "you'd"], NotFollowedBy = ["to"] });
        rules.Add(new IntentRule(IntentLabel.Praise, "recommend", 0.75) { NotFollowedBy = RecommendationAsks, NotPrecededBy = ["you", "can", "could", "would", "anyone"] });
        rules.Add(new IntentRule(IntentLabel.Praise, "best", 0.7) { NotFollowedBy = ["regards", "wishes", "way", "practice", "practices", "option", "alternative", "tool for", "app for"] });
        rules.Add(new IntentRule(IntentLabel.Praise, "can't recommend … enough", 0.9) { Negatable = false });
        rules.Add(new IntentRule(IntentLabel.Praise, "cannot recommend … enough", 0.9) { Negatable = false });
        Add(rules, IntentLabel.Praise, 0.85,
            "highly recommend", "loving", "loved", "amazing", "awesome", "fantastic", "excellent", "brilliant",
            "lifesaver", "game changer", "kudos", "great job", "well done", "nailed it",
            "thank you", "shoutout", "hands down", "so good", "impressed", "incredible");
        rules.Add(new IntentRule(IntentLabel.Praise, "outstanding", 0.85)
        {
            // An outstanding balance is owed, not admired.
            NotFollowedBy = ["balance", "balances", "invoice", "invoices", "payment", "payments", "amount", "amounts", "debt", "debts", "bill", "bills", "issue", "issues", "ticket", "tickets", "order", "orders", "claim", "claims", "charges", "fees", "refund", "items", "work", "tasks", "questions"],
        });
        Add(rules, IntentLabel.Praise, 0.85,
            "legend", "hero", "lifesavers", "superb", "delighted", "top marks", "fair play", "credit where it's due",
            "above and beyond", "no complaints", "can't complain", "can't fault", "rock solid", "that's how you",
            "came through", "props to", "shout out", "big thanks", "huge thanks", "massive thanks", "thank you for");
        Add(rules, IntentLabel.Praise, 0.6, "perfect", "painless", "spotless", "so much better", "smoothest", "good service", "great service", "fixed the bug");
        Add(rules, IntentLabel.Praise, 0.6, "thanks", "great", "nice", "happy with", "works great", "solid", "👍", "❤", "😍", "🙌", "👏");

        // Job seeking.
        Add(rules, IntentLabel.JobSeeking, 0.9,
            "looking for a new role", "looking for a new job", "looking for a job", "looking for work",
            "looking for my next", "open to work", "open to new opportunities", "seeking a new role",
            "seeking new opportunities", "job hunting", "available for hire", "hire me");
        Add(rules, IntentLabel.JobSeeking, 0.6, "laid off", "job search", "my next role", "my next opportunity");
        rules.Add(new IntentRule(IntentLabel.JobSeeking, "#opentowork", 0.95) { LanguageIndependent = true, Negatable = false });

        // Hiring.
        Add(rules, IntentLabel.Hiring, 0.9,
            "we're hiring", "we are hiring", "now hiring", "join our team", "job opening", "job openings",
            "open position", "open positions", "open roles", "come work with us", "is hiring", "are hiring");
        Add(rules, IntentLabel.Hiring, 0.6, "apply now", "careers page");
        Add(rules, IntentLabel.Hiring, 0.75,
            "we're looking for a … engineer", "we're looking for a … developer", "we're looking for a … designer",
            "we are looking for a … engineer", "we are looking for a … developer", "we are looking for a … designer");
        rules.Add(new IntentRule(IntentLabel.Hiring, "#hiring", 0.9) { LanguageIndependent = true, Negatable = false });
        rules.Add(new IntentRule(IntentLabel.Hiring, "#nowhiring", 0.9) { LanguageIndependent = true, Negatable = false });

        // Referral: recommends something while tagging a third person.
        foreach (var phrase in new[]
                 {
                     "you should try", "you should check out", "you should use", "you need to try", "you'd love",
                     "you would love", "have you tried", "take a look at", "give it a try", "try out",
                     "recommend", "you might like",
                 })
        {
            rules.Add(new IntentRule(IntentLabel.Referral, phrase, 0.75) { RequiresMention = true });
        }

        rules.Add(new IntentRule(IntentLabel.Referral, "check out", 0.6) { RequiresMention = true });

        return rules;
    }

    private static void Add(List<IntentRule> rules, IntentLabel label, double confidence, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            rules.Add(new IntentRule(label, phrase, confidence));
        }
    }
}
