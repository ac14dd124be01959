using System.Buffers;
using System.Collections.Frozen;

namespace Monitro.Analysis.Intent;

/// <summary>
/// Whether an English text asks for information or help. A question mark is not enough: "why is this so hard?!",
/// "is it too much to ask for a train that turns up?" and "who thought this was a good idea?" reproach rather than ask
/// (they are complaints), "got my parcel today?? a week early" is a statement, and "do I regret it? not one bit" answers
/// itself. A sentence asks when it opens like a question (a question word, a verb before its subject, "any …", a request
/// such as "could you …") and is not one of those; without any question mark, only a sentence that opens as a plain
/// request for information does ("do you have a vegan option", "is there a bakery near the station").
/// </summary>
internal static class QuestionReading
{
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?\n");

    // Words that open a question: a question word, or a verb before its subject ("is the 17:05 running").
    private static readonly FrozenSet<string> Openers = FrozenSet.Create(StringComparer.Ordinal,
        "what", "what's", "whats", "where", "where's", "wheres", "when", "when's", "which", "who", "who's", "whom", "whose",
        "how", "how's", "hows", "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should",
        "shall", "may", "might", "have", "has", "am", "any", "anyone", "anybody", "anything", "anywhere", "wondering");

    // Words before the question proper: greetings, a handle's company, fillers.
    private static readonly FrozenSet<string> Fillers = FrozenSet.Create(StringComparer.Ordinal,
        "hi", "hey", "hello", "hiya", "morning", "ok", "okay", "so", "um", "umm", "please", "pls", "also", "and", "but",
        "sorry", "quick", "question", "folks", "all", "team", "guys", "there");

    // A verb without its subject opening a sentence is a retort, not a question ("isn't it lovely", "can't believe it's december").
    private static readonly FrozenSet<string> NegatedOpeners = FrozenSet.Create(StringComparer.Ordinal,
        "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "can't", "couldn't", "won't", "wouldn't",
        "shouldn't", "haven't", "hasn't", "ain't", "why", "remember", "guess");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = Openers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerLookup = Fillers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatedOpenerLookup = NegatedOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    // Phrases of a question that reproaches or muses: it expects no answer.
    private static readonly string[] Rhetorical =
    [
        "how hard", "how is it", "how is this", "how is that", "how can a", "how can you", "how could you", "how dare",
        "how on earth", "how the hell", "how many times", "how many more", "how does a", "how do people", "how do you expect",
        "how come", "who thought", "who decided", "who approved", "who designed", "who the hell", "who else", "who needs",
        "who cares", "who even", "who does that", "who knew", "who puts", "who leaves", "what's the point", "what is the point",
        "what's the use", "what is the use", "what is going on", "what's going on", "what happened to", "what did i do",
        "what a", "what kind of", "what sort of", "what's wrong with", "what is wrong with", "is it too much", "is this a joke",
        "is that a joke", "is this what", "is that what", "are you serious", "are you kidding", "are you having a laugh",
        "are you joking", "you serious", "seriously", "really", "even", "actually", "on earth", "the hell", "tf", "ffs",
        "be any", "can you not", "get any worse", "anyone there", "anybody there", "anyone else think",
        "am i the only", "when will i learn", "you thought", "did i ask", "who asked",
    ];

    // Words that ask for something in a question about the company's own doing ("can you check where my refund is?").
    private static readonly string[] Requests =
    [
        "help", "check", "confirm", "let me know", "tell me", "please", "pls", "dm", "update", "look into", "advise",
        "send", "explain", "sort", "when", "where", "how long", "what time",
    ];

    // How a following sentence answers the question before it ("do I need another coffee? yes.").
    private static readonly string[] SelfAnswers =
    [
        "yes", "yep", "yeah", "no", "nope", "nah", "never", "not", "of course", "obviously", "absolutely", "clearly",
        "i know", "i think", "i guess", "thought not", "didn't think so", "apparently", "me", "sounds about right",
    ];

    // Openers of a request for information that asks without a question mark.
    private static readonly string[] PlainRequests =
    [
        "do you have", "do you sell", "do you do", "do you ship", "do you deliver", "do you know", "do you offer",
        "do you accept", "do you take", "do you stock", "does anyone", "does anybody", "is there", "are there", "can you",
        "could you", "can i", "could i", "will there", "what's the", "what is the", "what time", "where is", "where's the",
        "when is", "when does", "when do", "how long does", "how much is", "how much does", "which",
    ];

    /// <summary>Finds the first sentence of an English text that asks for information or help.</summary>
    /// <param name="text">The normalized text (lower case, ASCII apostrophes).</param>
    /// <param name="complaint">Whether the text is a complaint: a yes-or-no question about the company's own doing in it reproaches ("do you test these before you sell them?") unless it asks for something.</param>
    /// <param name="start">The start of the sentence.</param>
    /// <param name="end">The end of the sentence, with its question mark.</param>
    /// <returns><see langword="true"/> when a sentence asks.</returns>
    public static bool TryFindAsking(ReadOnlySpan<char> text, bool complaint, out int start, out int end)
    {
        var anyQuestionMark = HasQuestionMark(text);
        var from = 0;
        while (from < text.Length)
        {
            var next = text[from..].IndexOfAny(SentenceEnds);
            var stop = next < 0 ? text.Length : from + next;
            // A question mark inside a link ("?id=4") ends nothing.
            if (stop < text.Length && text[stop] == '?' && stop + 1 < text.Length && IntentText.IsWordChar(text[stop + 1]))
            {
                from = stop + 1;
                continue;
            }

            var after = stop;
            while (after < text.Length && text[after] is '?' or '!' or '.')
            {
                after++;
            }

            var sentence = Question(text, from, stop);
            var asked = text[stop..after].Contains('?');
            if (!sentence.IsEmpty && (asked ? Asks(sentence, text[after..], complaint) : !anyQuestionMark && AsksPlainly(sentence)))
            {
                start = from;
                end = after;
                return true;
            }

            from = Math.Max(after, stop + 1);
        }

        start = end = 0;
        return false;
    }

    /// <summary>Returns whether the sentence around a position is a question that asks nothing ("how is it possible to lose an order?").</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="position">A position in the text, such as the start of a question phrase.</param>
    /// <param name="complaint">Whether the text is a complaint.</param>
    /// <returns><see langword="true"/> when the sentence ends with a question mark and does not ask.</returns>
    public static bool IsRhetorical(ReadOnlySpan<char> text, int position, bool complaint)
    {
        var before = text[..position].LastIndexOfAny(SentenceEnds);
        var from = before + 1;
        var next = text[position..].IndexOfAny(SentenceEnds);
        if (next < 0 || text[position + next] != '?')
        {
            return false;
        }

        var stop = position + next;
        var after = stop;
        while (after < text.Length && text[after] is '?' or '!' or '.')
        {
            after++;
        }

        var sentence = Question(text, from, stop);
        return !sentence.IsEmpty && !Asks(sentence, text[after..], complaint);
    }

    private static bool HasQuestionMark(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf('?'); i >= 0; i = text[(i + 1)..].IndexOf('?') is var n and >= 0 ? i + 1 + n : -1)
        {
            if (i + 1 >= text.Length || !IntentText.IsWordChar(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    // The sentence without the handles, greetings and fillers before its first word, trimmed.
    private static ReadOnlySpan<char> Question(ReadOnlySpan<char> text, int from, int stop)
    {
        var sentence = text[from..stop].Trim();
        while (!sentence.IsEmpty)
        {
            var wordEnd = WordEnd(sentence);
            var word = sentence[..wordEnd];
            if (sentence[0] == '@' || FillerLookup.Contains(word.TrimEnd(',')))
            {
                sentence = sentence[wordEnd..].TrimStart(" ,:-");
                continue;
            }

            break;
        }

        return sentence;
    }

    private static int WordEnd(ReadOnlySpan<char> sentence)
    {
        var space = sentence.IndexOf(' ');
        return space < 0 ? sentence.Length : space;
    }

    private static bool Asks(ReadOnlySpan<char> sentence, ReadOnlySpan<char> rest, bool complaint)
    {
        var first = sentence[..WordEnd(sentence)];
        if (NegatedOpenerLookup.Contains(first) || ContainsPhrase(sentence, Rhetorical) || StartsWithAny(rest.TrimStart(" .!?,\n"), SelfAnswers))
        {
            return false;
        }

        if (!OpensQuestion(sentence))
        {
            // A tag question asks too ("the 12 still runs on sundays, right?").
            return sentence.EndsWith(", right", StringComparison.Ordinal) || sentence.EndsWith(" or not", StringComparison.Ordinal);
        }

        // In a complaint, "do you / are you / does anyone …" about the company's doing reproaches unless it asks for something.
        return !(complaint && IsAboutTheirDoing(sentence) && !ContainsPhrase(sentence, Requests));
    }

    private static bool AsksPlainly(ReadOnlySpan<char> sentence) =>
        StartsWithAny(sentence, PlainRequests) && !ContainsPhrase(sentence, Rhetorical) && !sentence.StartsWith("can you not", StringComparison.Ordinal);

    // The sentence, or a clause after a comma, opens with a question word or a verb before its subject.
    private static bool OpensQuestion(ReadOnlySpan<char> sentence)
    {
        var clause = sentence;
        while (true)
        {
            if (OpenerLookup.Contains(clause[..WordEnd(clause)]))
            {
                return true;
            }

            var comma = clause.IndexOf(',');
            if (comma < 0)
            {
                return false;
            }

            clause = clause[(comma + 1)..].TrimStart();
            if (clause.IsEmpty)
            {
                return false;
            }
        }
    }

    private static bool IsAboutTheirDoing(ReadOnlySpan<char> sentence)
    {
        var first = WordEnd(sentence);
        if (first >= sentence.Length || sentence[..first] is not ("do" or "does" or "did" or "are" or "is" or "have" or "has" or "will" or "can" or "could"))
        {
            return false;
        }

        var subject = sentence[(first + 1)..];
        return StartsWithAny(subject, ["you ", "u ", "your ", "they ", "anyone ", "anybody "]);
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (text.StartsWith(phrase, StringComparison.Ordinal) && (text.Length == phrase.Length || !IntentText.IsWordChar(text[phrase.Length]) || !IntentText.IsWordChar(phrase[^1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsPhrase(ReadOnlySpan<char> text, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            for (var from = 0; from < text.Length;)
            {
                var found = text[from..].IndexOf(phrase, StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                var start = from + found;
                if (IntentText.IsBoundary(text, start, start + phrase.Length))
                {
                    return true;
                }

                from = start + 1;
            }
        }

        return false;
    }
}
