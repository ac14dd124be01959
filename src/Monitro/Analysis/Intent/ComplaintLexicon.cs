namespace Monitro.Analysis.Intent;

/// <summary>
/// The cues of a complaint (English, lower case) with their weights. A complaint is found when the cues of a text,
/// with the patterns of <see cref="ComplaintPatterns"/>, add up to <see cref="IntentScoring.ComplaintThreshold"/>.
/// </summary>
/// <remarks>
/// Written for short posts addressed to companies: besides the words of anger, complaints describe an expectation
/// that was not met (still no signal, never arrived, waiting for three days), often in the past tense with a
/// negation and "my", as a question ("why is my order still not here?") or with sarcasm ("love that for me").
/// </remarks>
internal static class ComplaintLexicon
{
    /// <summary>The weight of a cue that is a complaint on its own.</summary>
    public const double Strong = 1.0;

    /// <summary>The weight of a cue that is a complaint with any other cue.</summary>
    public const double Medium = 0.6;

    /// <summary>The weight of a cue that needs company.</summary>
    public const double Weak = 0.35;

    /// <summary>The weight of a promotion or giveaway against a complaint: it outweighs a medium cue.</summary>
    public const double Promotion = -0.6;

    /// <summary>Adds the complaint cues to a rule list.</summary>
    /// <param name="rules">The list.</param>
    public static void AddTo(List<IntentRule> rules)
    {
        // Anger, failure and unmet expectations that are a complaint on their own.
        Add(rules, Strong,
            "not working", "doesn't work", "does not work", "stopped working", "isn't working", "is not working",
            "keeps crashing", "keeps freezing", "are down", "down again", "been down", "outage", "charged twice",
            "double charged", "overcharged", "still waiting", "no response", "no reply", "never responds",
            "can't log in", "cannot log in", "can't login", "cannot login", "can't sign in", "locked out", "lost my",
            "deleted my", "unacceptable", "worst", "fix this", "fix your", "rip off", "ripoff", "scam", "still no",
            "still not", "still haven't", "still hasn't", "still can't", "still don't", "still doesn't", "still isn't",
            "still nothing", "still without", "still charging", "still taking", "still billing", "still being",
            "still won't", "never arrived", "never received", "never came", "never showed", "never turned up",
            "never got", "never delivered", "never called", "never heard back", "never answered",
            "never replied", "never got back", "not happy", "not impressed", "not good enough", "not acceptable",
            "on hold", "hold music", "ignoring", "ignored", "hung up", "hanging up", "beyond a joke", "a joke",
            "joke of a", "shambles", "shambolic", "disgrace", "disgraceful", "pathetic", "shocking", "appalling",
            "atrocious", "diabolical", "rubbish", "useless", "incompetent", "clowns", "daylight robbery", "rude",
            "wtf", "ffs", "sort it out", "sort this out", "sort your", "get your act together", "fed up", "sick of",
            "sick and tired", "tired of", "had enough", "love that for me", "thanks for nothing", "unplayable",
            "unusable", "unwatchable", "nobody cares", "no one cares", "embarrassing", "disgusting", "furious",
            "livid", "nightmare", "terrible", "awful", "horrible", "garbage", "hate", "trash", "ridiculous",
            "pay to win", "theft", "a disaster", "sucks", "perfect timing", "didn't arrive", "hasn't arrived",
            "haven't received", "hasn't been fixed", "didn't receive", "not received", "not arrived", "didn't turn up",
            "didn't show up", "great way to", "just wonderful", "just great", "just brilliant", "really classy",
            "same story", "come on", "no notice", "without notice", "loyal customer", "paying customer",
            "you had one job", "here we go again", "cheers for nothing", "what do i pay you for", "what am i paying for",
            "what are we paying for", "is it too much to ask", "make it make sense", "shame on you", "how hard can it be",
            "unbelievable", "thought not", "do better", "not as described", "not what i ordered");

        // Failures and unmet expectations that need one more cue.
        Add(rules, Medium,
            "broken", "crashes", "crashed", "crashing", "buggy", "glitch", "laggy", "so slow", "too slow",
            "painfully slow", "error", "errors", "erroring", "failing", "fails", "failed", "disappointed",
            "disappointing", "frustrated", "frustrating", "annoying", "ugh", "won't load", "doesn't load",
            "keeps logging me out", "smh", "missing", "damaged", "smashed", "cracked", "snapped", "wrong", "stuck",
            "overdrawn", "frozen", "blocked", "declined", "rejected", "denied", "downgraded", "bumped", "timing out",
            "times out", "not fixed", "isn't fixed", "doesn't exist", "no signal", "no water", "no internet",
            "no service", "no power", "no heating", "no hot water", "no updates", "no update", "no refund",
            "no explanation", "no warning", "can't believe", "cannot believe", "how hard is it", "how many times",
            "what's the point", "how is it possible", "how can a", "how is a", "is anyone", "anyone there",
            "seriously", "yet again", "every single", "third time", "3rd time", "fourth time", "4th time",
            "fifth time", "second time", "once again", "cool cool", "classic", "just what i needed", "nothing says",
            "oh good", "oh great", "oh cool", "not even", "without warning", "without any", "without telling",
            "without asking", "took my money", "taking money", "kept the money", "unreliable", "can't access",
            "cannot access", "won't let", "wouldn't let", "can't even", "nothing sorted", "nobody", "no one", "mess",
            "chasing", "pending", "escalated", "apparently", "promised", "supposed to", "was told", "were told",
            "lost", "charging me", "billing me", "billed me", "didn't fix", "didn't call", "didn't get", "didn't work",
            "haven't heard", "hasn't been", "haven't had", "hasn't had", "didn't send", "never sent", "didn't tell",
            "servers down", "app down", "site down", "website down", "system down", "went down", "broke", "wiped",
            "soaked", "squashed", "banned", "forever", "out of date", "out of order", "every time", "customer since",
            "customer for", "removed", "paid for", "did nothing", "done nothing", "none came", "out of sync",
            "logged me out", "kicked me out", "want my money back", "without broadband", "without internet", "without wifi",
            "without power", "without water", "without heating", "without a car", "and nothing", "heard nothing",
            "nothing back", "nothing yet", "buffering", "a hole in",
            "double booked", "overbooked", "terminated", "disconnected", "disappeared", "vanished", "forgot", "forgotten",
            "refused", "refusing", "refuses", "flagged", "took away", "taken away", "drove off", "paid extra", "for nothing", "no info", "no information", "no apology", "no replacement", "upside down",
            "faulty", "defective", "expired", "mouldy", "moldy", "stale", "soggy", "undercooked", "leaking",
            "someone else's", "nowhere to be seen", "waste of", "no way to", "greed", "greedy", "at any point",
            "any time soon", "explain that", "tried everything", "hacked",
            "lagging", "mould", "mold", "hair in", "hair on", "paying for", "no show", "no shows", "no-show",
            "out of stock", "getting worse", "got worse", "gets worse");

        // Cues that need company: delays, charges, repetition, angry emoji.
        Add(rules, Weak,
            "delayed", "delay", "late", "cancelled", "canceled", "charged", "charging", "billed", "cold", "again",
            "keeps", "kept", "waiting", "wait", "waited", "queue", "refund", "complaint", "ticket", "threw", "blamed",
            "told me", "left my", "😡", "🤬", "😤", "🙄", "😒", "😑", "😩", "💀", "🤦", "😠", "👎", "🙃", "😞", "😭", "🫠", "??",
            "!!", "all day", "all morning", "all week", "all night", "for weeks", "for days", "for hours", "for ages",
            "for months", "since yesterday", "since monday", "since tuesday", "since wednesday", "since thursday",
            "since friday", "since saturday", "since sunday", "since this morning", "since last", "since the update",
            "since your", "still", "times now", "and counting", "every day", "every night", "every week", "not once",
            "not one", "not a single", "start over", "starting over", "start again", "drove past", "drove straight past",
            "stopped", "gone", "doubled", "tripled", "went up", "gone up", "price rise", "price hike", "fee", "fees",
            "penalty", "fined", "dropped", "drops", "disconnect", "disconnects", "only one", "ripped", "torn",
            "dented", "scratched", "stained", "spilled", "melted", "cut off", "cut my", "leak", "problem", "problems",
            "issue", "issues", "lied", "lying", "excuse", "excuses", "mistake", "closed", "shut", "should have",
            "should've", "less than", "loading", "freezes", "froze", "glitching", "unsubscribed", "spam", "tried again",
            "your fault", "instead of", "meant to", "chaos", "chaotic", "deleted", "crammed", "sardines", "shrank",
            "shrunk", "different", "day running", "days running", "in a row", "every game", "every match", "managed to",
            "guaranteed", "advertised", "quoted", "you said", "said it would", "it says", "app says", "website says",
            "🤡",
            "smells like", "smelled like", "smells of", "smelt of", "tastes like", "tasted like", "looks like a",
            "raw", "burnt", "blank", "pothole", "lag", "got reset", "after the update", "after the patch",
            "after the upgrade", "every evening", "every morning", "every weekend", "every month", "smaller", "halved",
            "since january", "since february", "since march", "since april", "since may", "since june", "since july",
            "since august", "since september", "since october", "since november", "since december", "since it was");

        rules.Add(new IntentRule(IntentLabel.Complaint, "is down", Strong) { NotFollowedBy = ["to", "by", "from"] });
        rules.Add(new IntentRule(IntentLabel.Complaint, "never get", Strong) { NotFollowedBy = ["old", "bored", "tired of"] });
        foreach (var phrase in new[] { "bug", "bugs" })
        {
            rules.Add(new IntentRule(IntentLabel.Complaint, phrase, Weak) { NotFollowedBy = ["fix", "fixes", "fixed", "bounty", "bash", "tracker", "report"], NotPrecededBy = ["fixed", "the"] });
        }

        // A negation anywhere and "my" count once each: they tip the balance, never decide it.
        // Not the negations of eagerness and reassurance ("can't wait", "no worries").
        AddGroup(rules, CueGroup.Negation, Weak, negatable: false,
            "didn't", "hasn't", "haven't", "won't", "wasn't", "isn't", "aren't", "doesn't", "never", "not",
            "nobody", "nothing", "couldn't", "wouldn't");
        rules.Add(new IntentRule(IntentLabel.Complaint, "don't", Weak) { Group = CueGroup.Negation, Negatable = false, NotFollowedBy = ["judge", "mind", "worry"] });
        foreach (var phrase in new[] { "can't", "cannot" })
        {
            rules.Add(new IntentRule(IntentLabel.Complaint, phrase, Weak) { Group = CueGroup.Negation, Negatable = false, NotFollowedBy = ["wait"] });
        }

        rules.Add(new IntentRule(IntentLabel.Complaint, "no", Weak) { Group = CueGroup.Negation, Negatable = false, NotFollowedBy = ["worries", "problem", "rush", "doubt", "regrets", "excuses"] });
        rules.Add(new IntentRule(IntentLabel.Complaint, "my", 0.25) { Group = CueGroup.Possessive, Negatable = false });

        // A problem solved, or plain praise, speaks against a complaint.
        AddGroup(rules, CueGroup.Resolution, -0.9,
            "fixed it", "fixed my", "fixed the", "fixed our", "finally fixed", "sorted my", "sorted it", "sorted out",
            "got sorted", "resolved", "came through", "credit where it's due", "fair play", "kudos",
            "above and beyond", "no complaints", "can't complain", "can't fault", "never had a problem",
            "never had a single", "never had an issue", "zero problems", "no issues", "no problems",
            "turned it around", "thank you for", "thanks for sorting", "thanks for the quick", "that's how you",
            "legend", "hero", "lifesaver", "lifesavers",
            "that fixed it", "that was it", "that did it", "that worked", "all good now", "all sorted", "sorted now",
            "sorted, thanks", "thanks, sorted", "refund received", "working again", "works now", "working now",
            "appreciate it", "found it");

        // A promotion or a giveaway passed on or entered is no complaint, whatever its words ("Day 7 of the advent calendar").
        Add(rules, Promotion,
            "giveaway", "#giveaway", "#win", "#comp", "#competition", "competition", "to enter", "rt to", "retweet to",
            "promo code", "discount code", "use my code", "my code", "voucher", "% off", "buy one get one", "bogof",
            "flash sale", "pre-order", "advent calendar", "fingers crossed", "entered!");
        // Talk between friends: its trouble is the day's, not a company's to answer, and its tag is a person's.
        AddGroup(rules, CueGroup.Social, -0.3,
            "come round", "come over", "see you at", "see you there", "see you tomorrow", "see you tonight",
            "see you soon", "text me", "ring me", "call me later", "meet you", "on my way", "at mine", "at yours",
            "miss you", "love you", "i'll ring you", "i'll call you");
        AddGroup(rules, CueGroup.Positive, -0.3,
            "thank you", "thanks", "cheers", "love", "loving", "great", "brilliant", "amazing", "awesome", "fantastic",
            "excellent", "lovely", "impressed", "superb", "perfect", "best", "happy", "delighted", "kind", "nice",
            "good", "brilliantly", "shoutout", "shout out", "fastest", "quickest");
    }

    private static void Add(List<IntentRule> rules, double weight, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            rules.Add(new IntentRule(IntentLabel.Complaint, phrase, weight));
        }
    }

    private static void AddGroup(List<IntentRule> rules, CueGroup group, double weight, params string[] phrases) =>
        AddGroup(rules, group, weight, negatable: true, phrases);

    private static void AddGroup(List<IntentRule> rules, CueGroup group, double weight, bool negatable, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            rules.Add(new IntentRule(IntentLabel.Complaint, phrase, weight) { Group = group, Negatable = negatable });
        }
    }
}
