using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Monitro.Analysis.Intent;

/// <summary>
/// Churn read from the shape of a sentence rather than from phrases: a customer's relationship ending is an act of
/// ending ("cancelled", "not renewing", "gone", "porting") × something a customer has with a provider (a plan, an
/// account, a bank, the company's name or handle) × the speaker's own account (I, we, my, our, or an order such as
/// "cancel my …"), in any tense or mood. What ends something else (an order, a booking, a job, a house, a newsletter),
/// an ending done by someone else ("my mum wants to leave …", "they cancelled my …"), and a change of heart ("not
/// cancelling", "staying") do not count.
/// </summary>
internal static class ChurnStructure
{
    /// <summary>What a sentence of that shape adds to the churn score.</summary>
    public const double Weight = 0.7;

    private const int MaxWordsPerSentence = 64;

    // A clause ends at sentence punctuation and at a comma ("last month with Streamly, switching to …").
    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create(".!?\n;,");

    // How far after an ending word the thing ended is looked for ("cancelled my old gym membership").
    private const int ObjectWindow = 5;

    /// <summary>Gets the words of ending: a sentence without one is read as saying nothing about churn.</summary>
    public static IEnumerable<string> EndingWords => Words.Endings;

    /// <summary>Reads a text sentence by sentence.</summary>
    /// <param name="normalized">The normalized text (lower case, ASCII apostrophes, positions those of <paramref name="original"/>).</param>
    /// <param name="original">The text as written: capitals mark a company's name.</param>
    /// <returns>What the sentences say.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ChurnShape Read(ReadOnlySpan<char> normalized, ReadOnlySpan<char> original)
    {
        var shape = default(ChurnShape);
        var sentenceStart = 0;
        while (sentenceStart < normalized.Length)
        {
            var sentenceEnd = SentenceEnd(normalized, sentenceStart);
            ReadSentence(normalized, original, sentenceStart, sentenceEnd, ref shape);
            sentenceStart = sentenceEnd + 1;
        }

        return shape;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadSentence(ReadOnlySpan<char> text, ReadOnlySpan<char> original, int from, int to, ref ChurnShape shape)
    {
        Span<WordKind> kinds = stackalloc WordKind[MaxWordsPerSentence];
        Span<int> starts = stackalloc int[MaxWordsPerSentence];
        Span<int> ends = stackalloc int[MaxWordsPerSentence];
        var count = 0;
        for (var i = from; i < to && count < MaxWordsPerSentence; i++)
        {
            if (!IntentText.IsWordChar(text[i]) || (i > from && (IntentText.IsWordChar(text[i - 1]) || text[i - 1] == '\'')))
            {
                continue;
            }

            var end = i + 1;
            while (end < to && (IntentText.IsWordChar(text[end]) || (text[end] == '\'' && end + 1 < to && IntentText.IsWordChar(text[end + 1]))))
            {
                end++;
            }

            var kind = Words.Lookup.TryGetValue(text[i..end], out var known) ? known : WordKind.None;
            if (i > from && text[i - 1] == '@')
            {
                // A handle opening a sentence addresses the company ("@Flixo cancelled."); it does not act.
                kind |= count == 0 ? WordKind.Provider | WordKind.Filler : WordKind.Provider;
            }
            else if (count > 0 && kind == WordKind.None && end - i > 1 && char.IsUpper(original[i]))
            {
                // A capitalised word inside a sentence is most often a name: a company's, a person's or a place's.
                kind |= WordKind.Name;
            }

            kinds[count] = kind;
            starts[count] = i;
            ends[count] = end;
            count++;
        }

        // Who ends: the speaker as the subject ("I", "we're"), before the ending and not in a clause of time or
        // cause ("charged me after I cancelled" tells of a charge).
        var subject = false;
        var otherParty = false;
        for (var w = 0; w < count; w++)
        {
            var kind = kinds[w];
            if ((kind & WordKind.Subject) != 0 || ((kind & WordKind.Possessive) != 0 && OnlyFillersBefore(kinds, w)))
            {
                // "I", "we're", and the speaker's own opening the clause ("our team is migrating", "my wife and I").
                subject = w == 0 || (kinds[w - 1] & WordKind.Subordinator) == 0;
            }
            else if ((kind & WordKind.Actor) != 0)
            {
                subject = false;
            }
            else if ((kind & WordKind.OtherParty) != 0 && !subject)
            {
                otherParty = true;
            }

            if ((kind & WordKind.Ending) == 0)
            {
                continue;
            }

            var negated = IsNegated(kinds, w);
            if ((kind & WordKind.Renewal) != 0)
            {
                // "not renewing", "won't stay": a negation makes staying an ending; renewing or staying alone is no leaving.
                if (!negated)
                {
                    shape.Staying = true;
                    continue;
                }
            }
            else if (negated)
            {
                shape.Staying = true;
                continue;
            }

            shape.EndingAct = true;
            var previous = w > 0 ? kinds[w - 1] : WordKind.None;
            // Said without a subject ("cancelled my sub", "just closed my account", "going to cancel"), or of what is the speaker's own.
            var ordered = ((kind & WordKind.Verb) != 0 && OnlyFillersBefore(kinds, w)) || (previous & WordKind.Intention) != 0;
            var next = w + 1 < count ? kinds[w + 1] : WordKind.None;
            // Someone else acts ("they cancelled", "Streamora cancelled my show") or the ending is done to the speaker
            // ("my flight was cancelled"; "our team is migrating" is the speaker's own doing).
            var passive = (previous & WordKind.Passive) != 0 && !text[starts[w]..ends[w]].EndsWith("ing", StringComparison.Ordinal);
            if (passive || ((previous & (WordKind.Actor | WordKind.Name | WordKind.Provider)) != 0 && (previous & (WordKind.Subject | WordKind.Filler)) == 0))
            {
                shape.SomeoneElse = true;
                continue;
            }

            if ((otherParty && !subject) || (next & WordKind.OtherParty) != 0)
            {
                shape.SomeoneElse = true;
                continue;
            }

            var provider = false;
            var blocked = false;
            var last = Math.Min(count - 1, w + ObjectWindow);
            for (var o = w + 1; o <= last && !blocked; o++)
            {
                blocked = (kinds[o] & WordKind.NotAProvider) != 0;
                provider |= !blocked && (kinds[o] & (WordKind.Provider | WordKind.Service | WordKind.Name)) != 0;
            }

            if (blocked)
            {
                shape.SomethingElse = true;
                continue;
            }

            // The thing ended may come first ("Streamora: cancelled", "my membership at IronHaus … won't be renewing"); a
            // handle addressed at the start counts only when the ending follows it ("@Flixo cancelled"), as "@Acme I
            // dropped my phone" tells the company of something else.
            for (var b = Math.Max(0, w - ObjectWindow); b < w && !provider; b++)
            {
                provider = (kinds[b] & (WordKind.Service | WordKind.Name)) != 0 || ((kinds[b] & WordKind.Provider) != 0 && (b > 0 || w == 1));
            }

            if (provider && (subject || ordered || (kind & WordKind.SpeakerImplied) != 0))
            {
                if (!shape.Found)
                {
                    shape.Start = starts[w];
                    shape.End = ends[w];
                }

                shape.Found = true;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OnlyFillersBefore(ReadOnlySpan<WordKind> kinds, int w)
    {
        for (var b = 0; b < w; b++)
        {
            if ((kinds[b] & WordKind.Filler) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // A negation among the two words before ("not cancelling", "won't be renewing", "never leaving").
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNegated(ReadOnlySpan<WordKind> kinds, int w)
    {
        for (var b = w - 1; b >= 0 && b >= w - 3; b--)
        {
            if ((kinds[b] & WordKind.Negation) != 0)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SentenceEnd(ReadOnlySpan<char> text, int from)
    {
        var end = text[from..].IndexOfAny(ClauseEnds);
        return end < 0 ? text.Length : from + end;
    }

    /// <summary>What a word can be in a sentence about ending a relationship.</summary>
    [Flags]
    internal enum WordKind
    {
        None = 0,

        /// <summary>Ends something: "cancel", "left", "porting", "unsubscribed".</summary>
        Ending = 1,

        /// <summary>An ending said as a verb, which may open an order or a clipped sentence ("cancel my plan", "cancelled.").</summary>
        Verb = 2,

        /// <summary>An ending said as a state of the speaker ("gone", "bye", "done"): the speaker is implied.</summary>
        State = 4,

        /// <summary>The speaker is implied by the word itself ("goodbye", "ex", "former").</summary>
        SpeakerImplied = 8,

        /// <summary>Renewal: an ending only when negated.</summary>
        Renewal = 16,

        /// <summary>The speaker or those they speak for: I, we, my, our.</summary>
        Speaker = 32,

        /// <summary>Someone other than the speaker who might end something: my mum, people, customers, she.</summary>
        OtherParty = 64,

        /// <summary>Someone else as the subject, or acting when directly before an ending verb: "they cancelled", "you closed".</summary>
        Actor = 128,

        /// <summary>What a customer has with a provider: a plan, an account, a contract, a bank.</summary>
        Service = 256,

        /// <summary>A handle or another word that names a provider.</summary>
        Provider = 512,

        /// <summary>A capitalised word: maybe a company's name.</summary>
        Name = 1024,

        /// <summary>What people end without leaving a provider: an order, a booking, a job, a house, a newsletter.</summary>
        NotAProvider = 2048,

        /// <summary>A negation.</summary>
        Negation = 4096,

        /// <summary>The speaker as the subject: I, we, I'm, we've.</summary>
        Subject = 8192,

        /// <summary>Opens a clause of time or cause: "after I cancelled", "since we switched".</summary>
        Subordinator = 16384,

        /// <summary>An intention or a need before an ending: "going to cancel", "want to leave", "need to switch".</summary>
        Intention = 32768,

        /// <summary>What the speaker owns: my, our.</summary>
        Possessive = 65536,

        /// <summary>A word that may open a sentence without a subject: "just cancelled", "finally closed", "ok cancelling".</summary>
        Filler = 131072,

        /// <summary>An auxiliary that makes an ending done to someone: "was cancelled", "got dropped".</summary>
        Passive = 262144,
    }

    private static class Words
    {
        public static readonly FrozenDictionary<string, WordKind>.AlternateLookup<ReadOnlySpan<char>> Lookup = Build().GetAlternateLookup<ReadOnlySpan<char>>();

        public static readonly string[] Endings = [.. Lookup.Dictionary.Where(word => (word.Value & WordKind.Ending) != 0).Select(word => word.Key)];

        private static FrozenDictionary<string, WordKind> Build()
        {
            var words = new Dictionary<string, WordKind>(StringComparer.Ordinal);
            void Add(WordKind kind, params string[] list)
            {
                foreach (var word in list)
                {
                    words[word] = words.GetValueOrDefault(word) | kind;
                }
            }

            Add(WordKind.Ending | WordKind.Verb,
                "cancel", "cancels", "cancelling", "canceling", "cancelled", "canceled", "cancellation", "cancelation",
                "leave", "leaving", "left", "quit", "quitting", "switch", "switching", "switched", "close", "closing",
                "closed", "terminate", "terminating", "terminated", "termination", "stop", "stopping", "stopped", "drop",
                "dropping", "dropped", "ditch", "ditching", "ditched", "dump", "dumping", "dumped", "port", "porting",
                "ported", "unsubscribe", "unsubscribing", "unsubscribed", "deregister", "deregistering", "unenrol",
                "unenroll", "unenrolling", "offboarding", "churning", "exit", "exiting", "migrate", "migrating",
                "migrated", "transferring", "transferred", "pulled", "pulling", "escape", "escaped",
                "uninstall", "uninstalled", "uninstalling", "delete", "deleted", "deleting", "lapse", "sunsetting");
            Add(WordKind.Ending | WordKind.Renewal, "renew", "renewing", "renewed", "continue", "continuing", "staying", "keep", "keeping");
            Add(WordKind.Ending | WordKind.State, "gone", "done", "out", "over", "history");
            Add(WordKind.Ending | WordKind.State | WordKind.SpeakerImplied, "bye", "goodbye", "adios", "farewell", "ex", "former");
            Add(WordKind.Speaker, "i", "i'm", "im", "i've", "ive", "i'll", "i'd", "we", "we're", "we've", "we'll", "we'd", "me", "my", "our", "us", "mine", "ours", "myself");
            Add(WordKind.Subject, "i", "i'm", "im", "i've", "ive", "i'll", "i'd", "we", "we're", "we've", "we'll", "we'd");
            Add(WordKind.Subordinator, "after", "since", "when", "before", "until", "because", "if", "once", "though", "although");
            Add(WordKind.Possessive, "my", "our");
            Add(WordKind.Filler, "just", "finally", "officially", "already", "now", "today", "literally", "honestly", "seriously", "definitely", "actually", "ok", "okay", "right", "so", "sooo", "well", "yeah", "yep", "welp", "and", "then", "also", "have", "has", "had", "successfully", "happily", "gladly");
            Add(WordKind.Intention, "to", "gonna", "will", "i'll", "we'll", "shall", "must", "should");
            Add(WordKind.OtherParty,
                "mum", "mom", "dad", "brother", "sister", "friend", "flatmate", "roommate", "grandad", "grandma", "neighbour",
                "neighbor", "boss", "client", "colleague", "he", "she", "they", "people", "customers", "users", "subscribers",
                "everyone", "anyone", "someone", "analysts", "half", "her", "his", "their");
            Add(WordKind.Actor, "they", "you", "it", "he", "she", "who", "which", "that", "they've", "you've", "it's");
            Add(WordKind.Passive, "was", "were", "been", "being", "got", "get", "gets", "is", "are", "be");
            Add(WordKind.Service,
                "subscription", "subscriptions", "sub", "subs", "membership", "memberships", "account", "accounts",
                "contract", "contracts", "plan", "policy", "provider", "providers", "supplier", "suppliers", "bank",
                "banks", "network", "carrier", "insurer", "broadband", "tariff", "package", "licence", "license",
                "debit", "service", "customer", "client", "renewal", "seats", "card", "pass", "sim", "number", "isa",
                "savings", "salary", "pension", "mortgage", "money", "business", "custom", "domains", "hosting", "vault",
                "premium", "cover", "gym", "dentist", "vet", "airline", "airlines", "energy", "supply",
                "processor", "lessor", "agreement", "auto");
            Add(WordKind.NotAProvider,
                "order", "orders", "booking", "bookings", "reservation", "appointment", "flight", "train", "trip", "holiday",
                "ticket", "tickets", "class", "plans", "meeting", "party", "call", "visit", "show", "job", "role", "house",
                "flat", "home", "desk", "newsletter", "newsletters", "emails", "notifications", "diet", "smoking",
                "laptop", "exams", "milk", "work", "review", "airport", "extension",
                "playlist", "forum", "airplane", "mode", "conference", "book", "renovation", "culture");
            Add(WordKind.Negation, "not", "never", "no", "don't", "won't", "wont", "didn't", "isn't", "aren't", "can't", "cannot", "wasn't", "nah");
            return words.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }
}

/// <summary>What <see cref="ChurnStructure"/> read in a text.</summary>
internal struct ChurnShape
{
    /// <summary>Whether a sentence ends the speaker's relationship with a provider.</summary>
    public bool Found;

    /// <summary>Whether any sentence has an act of ending, whoever's and of whatever.</summary>
    public bool EndingAct;

    /// <summary>Whether an ending is someone else's ("my mum wants to leave", "they cancelled my").</summary>
    public bool SomeoneElse;

    /// <summary>Whether an ending is of something other than a provider (an order, a job, a house).</summary>
    public bool SomethingElse;

    /// <summary>Whether a sentence says the speaker stays ("not cancelling", "renewed").</summary>
    public bool Staying;

    /// <summary>The start of the ending word of the first sentence found.</summary>
    public int Start;

    /// <summary>The end of that word.</summary>
    public int End;
}
