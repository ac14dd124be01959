namespace Monitro.Analysis.Intent;

/// <summary>
/// The parts of a complaint the rules read in one English text, each apart, as the learned complaint model takes them:
/// the kind of phrase that spoke for a complaint (one that is a complaint on its own, or one that needs company), a mere
/// negative or positive word of the sentiment lexicon, laughter, the patterns of an unmet expectation (a wait, a repetition, a "why"
/// question, a doubt, money spent, sarcasm), and the shapes that are not complaints (a promotion, a problem solved, talk
/// between friends, asking how to complain, news passed on, a retweet, a link). The rules' score adds them with fixed
/// weights; apart, the model learns from the training posts how much each weighs, so a negative word told to a
/// company ("@Brand your crisps are dangerously good, I hate you") need not weigh as much as a promise broken. The last
/// three parts (<see cref="Urgency"/>, <see cref="Pitch"/>, <see cref="Playful"/>) add nothing to the rules' score: they
/// are there for the model to weigh against a complaint's words in a sale, an advert, a joke or a fan's post.
/// </summary>
[Flags]
internal enum ComplaintParts
{
    /// <summary>No part.</summary>
    None = 0,

    /// <summary>A phrase that is a complaint on its own ("still waiting", "never arrived", "on hold").</summary>
    StrongPhrase = 1 << 0,

    /// <summary>At best a phrase that is a complaint with one more cue ("missing", "broken", "supposed to").</summary>
    MediumPhrase = 1 << 1,

    /// <summary>A word the sentiment lexicon rates negative, no stronger than -2 ("annoyed").</summary>
    NegativeWord = 1 << 2,

    /// <summary>A word the sentiment lexicon rates -2 or lower ("disgusted", "scam").</summary>
    StrongNegativeWord = 1 << 3,

    /// <summary>A negation.</summary>
    Negation = 1 << 4,

    /// <summary>How long something took ("for three days").</summary>
    Duration = 1 << 5,

    /// <summary>How often it happened ("four times", "twice").</summary>
    Repetition = 1 << 6,

    /// <summary>A "why" question.</summary>
    WhyQuestion = 1 << 7,

    /// <summary>A question that doubts ("do you even test?").</summary>
    Reproach = 1 << 8,

    /// <summary>Money spent ("paid £90 for").</summary>
    Money = 1 << 9,

    /// <summary>A sarcastic last word after a complaint ("… great job").</summary>
    Sarcasm = 1 << 10,

    /// <summary>Asking how to complain or get a refund.</summary>
    HowTo = 1 << 11,

    /// <summary>News of trouble passed on.</summary>
    News = 1 << 12,

    /// <summary>A promotion or giveaway.</summary>
    Promotion = 1 << 13,

    /// <summary>A problem solved ("all sorted", "that fixed it").</summary>
    Resolution = 1 << 14,

    /// <summary>Talk between friends.</summary>
    Social = 1 << 15,

    /// <summary>A post shared: the text opens with "RT @".</summary>
    Retweet = 1 << 16,

    /// <summary>A link.</summary>
    Link = 1 << 17,

    /// <summary>A word the sentiment lexicon rates 1.4 or higher that no negation reaches ("happier", "glowing").</summary>
    PositiveWord = 1 << 18,

    /// <summary>Laughter: 😂, 🤣, "lol", "haha" (a joke, or a complaint told as one).</summary>
    Laughter = 1 << 19,

    /// <summary>A sale's urgency or offer ("last chance", "ends tonight", "shop now"), read for the learned model only.</summary>
    Urgency = 1 << 20,

    /// <summary>An advert's turn from a problem to its fix ("say goodbye to", "introducing", "money back"), read for the learned model only.</summary>
    Pitch = 1 << 21,

    /// <summary>A joke's or a fan's turn ("no regrets", "in the best way", "so good"), read for the learned model only.</summary>
    Playful = 1 << 22,
}
