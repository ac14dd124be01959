namespace Monitro.Analysis.Intent;

/// <summary>
/// The words of posts that borrow a complaint's words without complaining: a sale's urgency, an advert that names the
/// problem its product fixes, a joke or a fan's praise in strong words. Each marks a part of <see cref="ComplaintParts"/>
/// and adds nothing to the rules' score; the learned complaint model weighs the parts against the trouble words, from
/// the training posts ("the 40% off code was rejected" is still a complaint, "40% off, last chance" is not).
/// </summary>
internal static class ComplaintLookalikeCues
{
    /// <summary>Adds the marking rules to a rule list.</summary>
    /// <param name="rules">The list.</param>
    public static void AddTo(List<IntentRule> rules)
    {
        // A sale: its deadline, its call to act, its offer.
        Add(rules, ComplaintParts.Urgency,
            "don't miss", "last chance", "last call", "hurry", "ends tonight", "ends today", "ends soon", "ends at",
            "ends on", "ends midnight", "until midnight", "today only", "this weekend only", "this week only",
            "weekend only", "limited time", "limited stock", "limited edition", "limited seats", "while stocks last",
            "while supplies last", "before it's gone", "before they're gone", "before they sell out", "sell out",
            "almost sold out", "nearly sold out", "selling fast", "final hours", "hours left", "days left", "act fast",
            "act now", "don't wait", "shop now", "book now", "order now", "buy now", "sign up now", "download now",
            "try it now", "grab yours", "grab one", "get yours", "half price", "save up to", "new customers",
            "first month free", "chance to win", "to win", "win a", "follow and", "follow +", "like and",
            "tag a friend", "winners announced", "enter now", "offer ends", "deal ends", "sale ends", "prices go up",
            "lock in", "early bird", "early birds", "preorders open", "closes sunday", "closing tomorrow");

        // An advert: the problem it names turns into the product that fixes it.
        Add(rules, ComplaintParts.Pitch,
            "say goodbye to", "a thing of the past", "introducing", "meet the new", "is here", "are here",
            "now live", "now available", "available now", "out now", "that's why", "we built", "so you never",
            "or your money back", "money back guarantee", "find out more", "learn more", "free trial", "try it free",
            "tested in", "keeps it", "keeps your", "covers every", "in every store", "in every studio", "from just",
            "starting at", "now in stores", "is now in", "now on every");

        // A joke's or a fan's turn: the trouble words were fun, or praise.
        Add(rules, ComplaintParts.Playful,
            "no regrets", "regret nothing", "worth it", "worth every", "would do it again", "in the best way",
            "in a good way", "as a compliment", "just kidding", "kidding", "jk", "10/10", "no notes", "obsessed",
            "addicted", "addictive", "send help", "how dare you", "not complaining", "not even mad", "i'm not mad",
            "blaming you", "i blame you", "you win", "so good", "too good", "damn good", "wicked good", "stupid good",
            "bloody brilliant", "bloody love", "hell of a", "hell yes", "slaps", "goes hard", "go hard", "badass",
            "masterpiece", "more please", "keep them coming", "keep em coming", "can't stop", "love it", "loved every",
            "what a ride", "not your fault", "a cry for help");
    }

    private static void Add(List<IntentRule> rules, ComplaintParts part, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            rules.Add(new IntentRule(IntentLabel.Complaint, phrase, 0) { Marks = part, Negatable = false });
        }
    }
}
