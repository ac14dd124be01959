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
/// cancelling", "staying") do not count. A change of provider told to the company joined ("switched to @Orbitel, so far
/// so good") is that company's gain, not churn, unless the company left is named or addressed; a customer's custom
/// refused for good ("never ordering again", "you won't see my money again") is leaving without a word of ending.
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

    // How far after a refused custom its "again" is looked for ("never ordering from you lot again").
    private const int FinalityWindow = 8;

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
            if ((kind & WordKind.State) != 0 && w > 0 && (kinds[w - 1] & WordKind.Move) != 0)
            {
                // "switched over to": the particle of the change, read with its verb.
                continue;
            }

            if ((kind & WordKind.Relocation) != 0 && (negated || (w > 0 && (kinds[w - 1] & WordKind.Passive) != 0)))
            {
                // "the parcel hasn't moved", "my appointment was moved": neither staying nor someone else's ending.
                continue;
            }

            if ((kind & WordKind.Patronage) != 0)
            {
                // The speaker's custom refused for good, without a word of ending: "never ordering again", "won't be flying
                // Crestline again", "not giving you another penny", "you won't see my money again". Without the negation
                // and the "again" it tells of a habit ("I order every friday").
                var mine = OwnMoneyFollows(text, kinds, starts, ends, w, count);
                if (negated && (mine || (Words.NeedsOwnMoney.Contains(text[starts[w]..ends[w]]) is false && FinalityFollows(text, starts, ends, w, count)))
                    && (mine || subject || OnlyFillersBefore(kinds, w, WordKind.Negation | WordKind.Passive | WordKind.Intention)))
                {
                    shape.EndingAct = true;
                    Found(ref shape, starts[w], ends[w]);
                }

                continue;
            }

            if ((kind & WordKind.Renewal) != 0 && w > 0 && text[starts[w - 1]..ends[w - 1]].SequenceEqual("can"))
            {
                // "you can keep your loyalty points", "Netlink can keep their broadband": a dismissal, not staying.
                continue;
            }

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
            // A state opening a clause speaks for the speaker when it is done with something ("done with @Quillnet").
            var stateWith = (kind & WordKind.State) != 0 && w + 1 < count && text[starts[w + 1]..ends[w + 1]].SequenceEqual("with");
            var ordered = (((kind & WordKind.Verb) != 0 || stateWith) && OnlyFillersBefore(kinds, w)) || (previous & WordKind.Intention) != 0;
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

            if ((kind & WordKind.Move) != 0)
            {
                var move = ReadMove(text, kinds, starts, ends, w, count);
                if (move.Blocked || (move.Target == MoveTarget.Thing && !move.LeftNamed))
                {
                    // "moved house", "switched my plan to the annual one", "switching to decaf": something else changes.
                    shape.SomethingElse = true;
                    continue;
                }

                if ((kind & WordKind.Relocation) != 0 && (move.Target is MoveTarget.None or MoveTarget.Name) && !move.ServiceMoved && !move.LeftNamed)
                {
                    // "we're moving to Leeds", "moving everything": a place or a house as often as a provider.
                    continue;
                }

                if (move.Target == MoveTarget.Handle)
                {
                    // "switched to @Orbitel, so far so good" is told to the company joined: churn only of one left and named
                    // ("… from Telyra", "@Telyra switched to @Orbitel").
                    if ((move.LeftNamed || AddressedBefore(kinds, w)) && (subject || ordered || (kind & WordKind.SpeakerImplied) != 0))
                    {
                        Found(ref shape, starts[w], ends[w]);
                    }
                    else if (!shape.Found)
                    {
                        // Where nothing ends, the change is the one the text tells of.
                        shape.Start = starts[w];
                        shape.End = ends[w];
                        shape.Joined = true;
                    }

                    continue;
                }
            }

            var provider = false;
            var blocked = false;
            var last = Math.Min(count - 1, w + ObjectWindow);
            for (var o = w + 1; o <= last && !blocked; o++)
            {
                blocked = (kinds[o] & WordKind.NotAProvider) != 0;
                provider |= !blocked && (kinds[o] & (WordKind.Provider | WordKind.Service | WordKind.Name)) != 0;

                // "done with you", "bye you lot": a state of ending said to the company addressed.
                provider |= (kind & WordKind.State) != 0 && Words.Addressees.Contains(text[starts[o]..ends[o]]);
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
                Found(ref shape, starts[w], ends[w]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Found(ref ChurnShape shape, int start, int end)
    {
        if (!shape.Found)
        {
            shape.Start = start;
            shape.End = end;
        }

        shape.Found = true;
    }

    // A handle or a name addressed just before the ending ("@Telyra switched …", "Telyra: moved …").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AddressedBefore(ReadOnlySpan<WordKind> kinds, int w)
    {
        for (var b = Math.Max(0, w - ObjectWindow); b < w; b++)
        {
            if ((kinds[b] & WordKind.Name) != 0 || ((kinds[b] & WordKind.Provider) != 0 && (b > 0 || w == 1)))
            {
                return true;
            }
        }

        return false;
    }

    // Reads what a change of provider moves and where: "switched to @Orbitel", "moving my number to Sparkline", "switched
    // my plan to the annual one", "moved from Telyra to …". The company after "to" is the one joined, not the one left.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static MoveReading ReadMove(ReadOnlySpan<char> text, ReadOnlySpan<WordKind> kinds, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int w, int count)
    {
        var reading = default(MoveReading);
        var last = Math.Min(count - 1, w + ObjectWindow);
        for (var o = w + 1; o <= last; o++)
        {
            var word = text[starts[o]..ends[o]];
            if ((kinds[o] & WordKind.NotAProvider) != 0)
            {
                reading.Blocked = true;
                return reading;
            }

            if (word.SequenceEqual("from") || word.SequenceEqual("off"))
            {
                reading.LeftNamed |= o + 1 < count && (kinds[o + 1] & (WordKind.Provider | WordKind.Name | WordKind.Service)) != 0;
                continue;
            }

            if (!word.SequenceEqual("to") || reading.Target != MoveTarget.None)
            {
                reading.ServiceMoved |= reading.Target == MoveTarget.None && (kinds[o] & WordKind.Service) != 0;
                continue;
            }

            // The words after "to", past articles and plain adjectives, say what is joined: a handle, a name, a provider
            // ("the council gym"), another of the kind ("another tool", "a different service"), or "the one" a thing
            // the speaker moved goes to ("moving my prescriptions to the one by the station").
            var t = o + 1;
            var another = false;
            while (t < count && t <= o + 3 && Words.TargetModifiers.Contains(text[starts[t]..ends[t]]))
            {
                another |= Words.Others.Contains(text[starts[t]..ends[t]]);
                t++;
            }

            if (t >= count)
            {
                continue;
            }

            reading.Target = another ? MoveTarget.Company : MoveTarget.Thing;
            for (var n = t; n < count && n <= t + 2 && reading.Target == MoveTarget.Thing; n++)
            {
                var target = kinds[n];
                reading.Target = (target & WordKind.Provider) != 0 ? MoveTarget.Handle
                    : (target & WordKind.Name) != 0 ? MoveTarget.Name
                    : (target & WordKind.Company) != 0 || (n == t && !reading.ServiceMoved && text[starts[n]..ends[n]].SequenceEqual("one")) ? MoveTarget.Company
                    : MoveTarget.Thing;
            }
        }

        return reading;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OnlyFillersBefore(ReadOnlySpan<WordKind> kinds, int w, WordKind alsoAllowed = WordKind.None)
    {
        for (var b = 0; b < w; b++)
        {
            if ((kinds[b] & (WordKind.Filler | alsoAllowed)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // "… again", "… anymore", "… ever", "another penny", "no longer": the refusal is for good.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool FinalityFollows(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int w, int count)
    {
        var last = Math.Min(count - 1, w + FinalityWindow);
        for (var o = w + 1; o <= last; o++)
        {
            if (Words.Finality.Contains(text[starts[o]..ends[o]]))
            {
                return true;
            }
        }

        return false;
    }

    // "… my money", "… our business", "… my renewal": what the company will not get from the speaker.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool OwnMoneyFollows(ReadOnlySpan<char> text, ReadOnlySpan<WordKind> kinds, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int w, int count)
    {
        var last = Math.Min(count - 2, w + 3);
        for (var o = w + 1; o <= last; o++)
        {
            if ((kinds[o] & WordKind.Possessive) != 0 && Words.Custom.Contains(text[starts[o + 1]..ends[o + 1]]))
            {
                return true;
            }
        }

        return false;
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

        /// <summary>A change of provider that may name where it goes: "switched to …", "moving my number to …".</summary>
        Move = 524288,

        /// <summary>A word that names a provider in general, as where a change goes: "a new bank", "another provider", "someone else".</summary>
        Company = 1048576,

        /// <summary>A word of moving, said as often of houses, parcels and meetings: a change of provider only when the speaker moves a service or goes to a company.</summary>
        Relocation = 2097152,

        /// <summary>A customer's custom ("order", "flying", "giving … money"): an ending only when refused for good ("never ordering again").</summary>
        Patronage = 4194304,
    }

    private enum MoveTarget
    {
        /// <summary>No "to": "switching banks", "ported my number".</summary>
        None,

        /// <summary>A handle: the company joined, and most often the one the post is told to.</summary>
        Handle,

        /// <summary>A capitalised name: "to Sparkline", and as often "to Leeds".</summary>
        Name,

        /// <summary>A provider in general: "to another bank", "to someone else".</summary>
        Company,

        /// <summary>Something other than a provider: "to the annual plan", "to decaf", "to 5GHz".</summary>
        Thing,
    }

    private struct MoveReading
    {
        public bool Blocked;
        public bool LeftNamed;
        public bool ServiceMoved;
        public MoveTarget Target;
    }

    private static class Words
    {
        public static readonly FrozenDictionary<string, WordKind>.AlternateLookup<ReadOnlySpan<char>> Lookup = Build().GetAlternateLookup<ReadOnlySpan<char>>();

        // Skipped between "to" and what it names: "to a new bank", "to another provider", "to the other network".
        public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TargetModifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "a", "an", "the", "new", "another", "other", "different", "cheaper", "better", "local", "proper", "over",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

        // The company addressed, after a state of ending ("done with you").
        public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Addressees = new HashSet<string>(StringComparer.Ordinal)
        {
            "you", "u", "ya", "y'all", "them",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

        // "another tool", "a different service": a change to another of the kind is a change of provider.
        public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Others = new HashSet<string>(StringComparer.Ordinal)
        {
            "another", "other", "different",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

        // Said after a refused custom, they make the refusal final.
        public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Finality = new HashSet<string>(StringComparer.Ordinal)
        {
            "again", "anymore", "ever", "another", "longer",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

        // What a customer's custom is, after "my" or "our": "you won't see my money again".
        public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Custom = new HashSet<string>(StringComparer.Ordinal)
        {
            "money", "business", "custom", "renewal", "cash", "subscription", "order", "orders",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

        // Verbs of custom that say nothing of leaving unless the speaker's money is their object ("won't see my money").
        public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeedsOwnMoney = new HashSet<string>(StringComparer.Ordinal)
        {
            "see", "seeing", "get", "getting", "having",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

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
                "migrated", "transferring", "transferred", "pulled", "pulling", "escape", "escaped", "move", "moving", "moved",
                "uninstall", "uninstalled", "uninstalling", "delete", "deleted", "deleting", "lapse", "sunsetting");
            Add(WordKind.Move,
                "switch", "switching", "switched", "port", "porting", "ported", "migrate", "migrating", "migrated",
                "transferring", "transferred", "move", "moving", "moved");
            Add(WordKind.Relocation, "move", "moving", "moved");
            Add(WordKind.Ending | WordKind.Patronage,
                "order", "ordering", "buy", "buying", "book", "booking", "fly", "flying", "use", "using", "shop",
                "shopping", "bank", "banking", "eat", "eating", "give", "giving", "pay", "paying", "spend", "spending",
                "deal", "dealing", "touch", "touching", "recommend", "recommending", "see", "seeing", "get", "getting", "having");
            Add(WordKind.Company,
                "bank", "banks", "provider", "providers", "supplier", "suppliers", "network", "networks", "carrier", "insurer",
                "insurers", "airline", "airlines", "gym", "dentist", "vet", "company", "companies", "competitor", "competitors",
                "someone", "somebody", "whoever", "anyone", "others", "broker", "florist", "bakery", "garage", "host", "isp",
                "self", "inhouse", "optician", "pharmacy", "chemist");
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

    /// <summary>Whether a change of provider names only the company joined, by its handle ("switched to @Orbitel, so far so good").</summary>
    public bool Joined;

    /// <summary>The start of the ending word of the first sentence found (or, when none is, of the change to the company joined).</summary>
    public int Start;

    /// <summary>The end of that word.</summary>
    public int End;
}
