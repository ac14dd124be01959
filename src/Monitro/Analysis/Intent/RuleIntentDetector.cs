using System.Buffers;
using Monitro.Analysis.Intent;
using Monitro.Analysis;
using Monitro.Analysis.Languages;
using Monitro.Analysis.Sentiment;
using System.Runtime.CompilerServices;

namespace Monitro;

/// <summary>
/// Finds intents in English social text with a table of phrases: complaint, churn risk, question or help request,
/// purchase intent, praise, job seeking, hiring and referral (a recommendation that tags a third person).
/// </summary>
/// <remarks>
/// <para>Matching is case-insensitive, respects word boundaries and treats ’ as '. A negation in the two words before
/// a phrase, in the same sentence ("not switching to", "don't love"), cancels it.</para>
/// <para>Complaint and churn risk are found by score: their cues, many of them weak on their own (a delay, a
/// negation, "my", a "why" question, a sarcastic last word, a statement that tags someone), add up, and cues such as a
/// problem solved or praise count against them. Each is reported when its score reaches a threshold, with the phrase of its strongest cue.
/// The other intents are reported with the phrase of their strongest match and a confidence that grows when several
/// phrases agree (noisy-OR). Praise is dropped from a complaint that tells of no solved problem: it is sarcasm.</para>
/// <para>For text in another language (a language tag other than <c>en</c>) only language-independent signals count:
/// a question mark, <c>#opentowork</c>, <c>#hiring</c>.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class RuleIntentDetector : IIntentDetector
{
    private const int MaxGapCharacters = 40;
    private const int MaxQuestionPhraseLength = 120;
    private const int CueGroups = 6;

    // As sure as "customer now" or "signed up for": a change of provider told to the company joined.
    private const double JoinedConfidence = 0.75;

    private static readonly IntentLabel[] Labels = Enum.GetValues<IntentLabel>();
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?\n");
    private static readonly SearchValues<string> Laughs = SearchValues.Create(["😂", "🤣", "lol", "lmao", "haha"], StringComparison.Ordinal);

    private readonly IReadOnlyList<IntentRule> _rules;
    private readonly IntentPhraseIndex _index;

    private readonly LinearIntentModel? _complaintModel;
    private readonly LinearIntentModel? _churnModel;
    private readonly RuleSignalsObserver? _observer;

    /// <summary>Initializes a new instance of the <see cref="RuleIntentDetector"/> class with the built-in phrase table and default options.</summary>
    public RuleIntentDetector()
        : this(new RuleIntentDetectorOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuleIntentDetector"/> class with the built-in phrase table.</summary>
    /// <param name="options">Whether the learned models decide complaint and churn risk.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public RuleIntentDetector(RuleIntentDetectorOptions options)
        : this(options, observer: null)
    {
    }

    // The training tool reads the rules' signals of its posts through the observer.
    internal RuleIntentDetector(RuleIntentDetectorOptions options, RuleSignalsObserver? observer)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = IntentRules.All;
        _index = IntentRules.Index;
        _complaintModel = options.UseLearnedComplaintModel ? LinearIntentModel.Complaint : null;
        _churnModel = options.UseLearnedChurnModel ? LinearIntentModel.Churn : null;
        _observer = observer;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The detector does not detect languages itself: text without a tag is read with the English rules. Pass the
    /// language detected once for the post (see <see cref="LanguageDetector.Read(string, string?)"/>) to
    /// <see cref="Detect(string, TextLanguage)"/> so that untagged posts in other languages are not read as English.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The overloads take the same number of parameters; the language is optional only in this one.")]
    public IReadOnlyList<IntentHit> Detect(string text, string? language = null) => Detect(text, TextLanguage.FromTag(language));

    /// <inheritdoc />
    /// <remarks>The English rules apply when the language is English or not known (no tag, or a detection that could not tell); otherwise only the language-independent signals.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<IntentHit> Detect(string text, TextLanguage language) => DetectWith(text, language, context: null);

    /// <inheritdoc />
    /// <remarks>
    /// The context decides whom a tag addresses: an account known as a company's, or a handle with a company's marks,
    /// makes a complaint addressed; a plain lower-case handle that is not known (a friend's <c>@chrisdee</c>) does not,
    /// and a mention the text does not show (a reply) counts as the text's own tags do.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="context"/> is null.</exception>
    public IReadOnlyList<IntentHit> Detect(string text, TextLanguage language, IntentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DetectWith(text, language, context);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The public overloads return it as it is; an empty result is the shared empty list.")]
    private IReadOnlyList<IntentHit> DetectWith(string text, TextLanguage language, IntentContext? context)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var matched = ArrayPool<bool>.Shared.Rent(_rules.Count);
        // On the stack: the detector runs for every post, and these are its only working state besides the pooled buffers.
        Span<Match> best = stackalloc Match[Labels.Length];
        Span<ScoredIntent> scored = stackalloc ScoredIntent[Labels.Length];
        best.Clear();
        scored.Clear();
        IntentModelReading? complaintReading = null;
        IntentModelReading? churnReading = null;
        try
        {
            Array.Clear(matched, 0, _rules.Count);
            var normalized = Normalize(text, buffer);
            var reading = new Reading(LanguageTags.MayBeEnglish(language.Code), HasMention(normalized) || context is { Mentions.Count: > 0 });
            Span<bool> groupsSeen = stackalloc bool[CueGroups];
            var praiseAgainstComplaint = 0.0;
            var everydaySupport = 0.0;
            var negativeWord = default(ScoredIntent);
            var endsSomething = false;
            var complaintParts = ComplaintParts.None;
            var positiveWord = false;
            for (var i = 0; i < normalized.Length; i++)
            {
                if (!IntentText.IsWordChar(normalized[i]) || (i > 0 && IntentText.IsWordChar(normalized[i - 1])))
                {
                    continue;
                }

                var wordEnd = i + 1;
                while (wordEnd < normalized.Length && IntentText.IsWordChar(normalized[wordEnd]))
                {
                    wordEnd++;
                }

                if (reading.English)
                {
                    var cue = IntentWordCues.Of(normalized[i..wordEnd]);
                    AddNegativeWord(normalized, i, wordEnd, cue, ref negativeWord);
                    positiveWord = positiveWord || (cue.Valence > 0 && !IsNegatedBefore(normalized, i));
                    endsSomething |= cue.EndsSomething;
                }

                foreach (var r in _index.StartingWith(normalized[i..wordEnd]))
                {
                    if (!matched[r] && Applies(_rules[r], reading) && TryMatchAt(normalized, _rules[r], i, out var end))
                    {
                        matched[r] = true;
                        Record(_rules[r], r, i, end, normalized, best, scored, groupsSeen, ref praiseAgainstComplaint, ref everydaySupport, ref complaintParts);
                    }
                }
            }

            foreach (var r in _index.MayMatchSymbolRule(normalized) ? _index.SymbolRules : [])
            {
                if (Applies(_rules[r], reading) && TryFind(normalized, _rules[r], out var start, out var end))
                {
                    Record(_rules[r], r, start, end, normalized, best, scored, groupsSeen, ref praiseAgainstComplaint, ref everydaySupport, ref complaintParts);
                }
            }

            var hasQuestion = TryFindQuestion(normalized, out var questionStart, out var questionEnd);
            if (hasQuestion && !reading.English)
            {
                best[(int)IntentLabel.Question].Add(IntentRules.QuestionMarkConfidence, questionStart, questionEnd, int.MaxValue);
            }

            if (reading.English)
            {
                ref var complaint = ref scored[(int)IntentLabel.Complaint];
                complaintParts |= PhraseParts(complaint, negativeWord, groupsSeen, normalized)
                    | (positiveWord ? ComplaintParts.PositiveWord : ComplaintParts.None);
                if (negativeWord.Support > 0)
                {
                    complaint.Add(negativeWord.Strongest, negativeWord.Start, negativeWord.End, int.MaxValue);
                }

                var addressee = reading.HasMention ? AddressedCue.Read(text, hasQuestion, context) : Addressee.None;
                var addressed = addressee == Addressee.MaybeCompany;
                complaintParts |= ComplaintPatterns.Add(normalized, ref complaint, addressed);
                var sarcastic = (complaintParts & ComplaintParts.Sarcasm) != 0;
                if (!sarcastic && praiseAgainstComplaint < 0)
                {
                    complaint.Add(praiseAgainstComplaint, 0, 0, int.MaxValue);
                }

                // "my" alone tells of no trouble (a negation does: "@Orbitel the engineer didn't come"); praise and
                // recommendations to a friend are no complaint.
                if (addressed && complaint.Support > everydaySupport && !groupsSeen[(int)CueGroup.Positive]
                    && !groupsSeen[(int)CueGroup.Resolution] && !groupsSeen[(int)CueGroup.Social] && best[(int)IntentLabel.Praise].Count == 0 && best[(int)IntentLabel.Referral].Count == 0)
                {
                    complaint.AddSupport(AddressedCue.Weight);
                }
                else if (addressee == Addressee.PeopleOnly)
                {
                    complaint.Add(AddressedCue.PeopleOnlyWeight, 0, 0, int.MaxValue);
                }

                // Without a word of ending no sentence has the shape of churn (nor of staying, or of someone else's ending).
                var churnShape = endsSomething ? ChurnStructure.Read(normalized, text) : default;
                if (churnShape.Found)
                {
                    scored[(int)IntentLabel.ChurnRisk].Add(ChurnStructure.Weight, churnShape.Start, churnShape.End, int.MaxValue);
                }
                else if (churnShape.SomeoneElse || churnShape.SomethingElse || churnShape.Staying || churnShape.Joined)
                {
                    if (churnShape.Joined)
                    {
                        // The company joined has gained a customer, as "customer now" and "signed up for" tell.
                        best[(int)IntentLabel.PurchaseIntent].Add(JoinedConfidence, churnShape.Start, churnShape.End, int.MaxValue);
                    }

                    // The phrases found an ending, but the sentences read it as not the speaker's relationship ending
                    // ("my sister is leaving Mobix", "leaving for the airport", "nearly cancelled … staying") or as the
                    // company joined ("switched to @Orbitel, so far so good"): it outweighs them.
                    ref var churn = ref scored[(int)IntentLabel.ChurnRisk];
                    churn.Add(-churn.Support, 0, 0, int.MaxValue);
                }

                ReadWithModels(normalized, new RuleSignals(complaint.Score, scored[(int)IntentLabel.ChurnRisk].Score, addressee, hasQuestion, best[(int)IntentLabel.Praise].Count > 0, sarcastic, churnShape, complaintParts), ref complaintReading, ref churnReading);
                var isComplaint = complaintReading is { } read ? read.Reaches(_complaintModel!.Threshold) : complaint.Score >= IntentScoring.ComplaintThreshold;

                // In English a question mark is not enough: a question asks for information or help (see QuestionReading).
                // A question phrase in a question that asks nothing ("how is it possible to lose an order?") does not count.
                ref var question = ref best[(int)IntentLabel.Question];
                if (question.Count > 0 && QuestionReading.IsRhetorical(normalized, question.Start, isComplaint))
                {
                    question = default;
                }

                if (QuestionReading.TryFindAsking(normalized, isComplaint, out var askStart, out var askEnd))
                {
                    best[(int)IntentLabel.Question].Add(IntentRules.QuestionMarkConfidence, askStart, askEnd, int.MaxValue);
                }

                // Praise in a complaint that tells of no solved problem is sarcasm ("love that for me").
                if (isComplaint && !groupsSeen[(int)CueGroup.Resolution])
                {
                    best[(int)IntentLabel.Praise] = default;
                }
            }
            else if (LanguageTags.Primary(language.Code) is { } primary && LanguageResources.For(primary) is { } resources)
            {
                AddLanguagePhrases(normalized, resources, best, scored);
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(matched);
            ArrayPool<char>.Shared.Return(buffer);
        }

        List<IntentHit>? hits = null;
        for (var i = 0; i < Labels.Length; i++)
        {
            var label = Labels[i];
            if (IntentScoring.IsScored(label) && (label == IntentLabel.Complaint ? complaintReading : churnReading) is { } modelReading)
            {
                var threshold = label == IntentLabel.Complaint ? _complaintModel!.Threshold : _churnModel!.Threshold;
                if (modelReading.Reaches(threshold))
                {
                    // A probability saturates near 1 for any clear complaint; where the rules agree, their confidence (which rises
                    // with each cue) is averaged in, so more cues still mean more confidence.
                    var confidence = modelReading.Confidence(threshold);
                    if (scored[i].Score >= IntentScoring.Threshold(label))
                    {
                        confidence = (confidence + IntentScoring.Confidence(label, scored[i].Score)) / 2;
                    }

                    (hits ??= []).Add(new IntentHit(label, ModelPhrase(text, modelReading, scored[i]), Math.Round(confidence, 3)));
                }
            }
            else if (IntentScoring.IsScored(label))
            {
                var score = scored[i];
                if (score.Score >= IntentScoring.Threshold(label))
                {
                    (hits ??= []).Add(new IntentHit(label, Phrase(text, score.Start, score.End), Math.Round(IntentScoring.Confidence(label, score.Score), 3)));
                }
            }
            else if (best[i].Count > 0)
            {
                (hits ??= []).Add(new IntentHit(label, Phrase(text, best[i].Start, best[i].End), Math.Round(best[i].CombinedConfidence, 3)));
            }
        }

        return hits ?? (IReadOnlyList<IntentHit>)[];
    }

    // The learned models, when on, read the text with the rules' signals; the observer (training only) sees them too.
    private void ReadWithModels(ReadOnlySpan<char> normalized, in RuleSignals signals, ref IntentModelReading? complaint, ref IntentModelReading? churn)
    {
        _observer?.Invoke(normalized, signals);
        if (_complaintModel is not null && _churnModel is not null)
        {
            (complaint, churn) = LinearIntentModel.Score(normalized, signals, _complaintModel, IntentModelFeatures.ComplaintScoreFeature, _churnModel, IntentModelFeatures.ChurnScoreFeature);
            return;
        }

        complaint = _complaintModel?.Score(normalized, signals, IntentModelFeatures.ComplaintScoreFeature);
        churn = _churnModel?.Score(normalized, signals, IntentModelFeatures.ChurnScoreFeature);
    }

    // The explanation of a model's hit: the rules' strongest cue when their score weighed most, otherwise the n-gram
    // that weighed most.
    private static string ModelPhrase(string text, IntentModelReading reading, ScoredIntent rules) =>
        (reading.RulesWeighedMost || reading.PhraseStart < 0) && rules.Support > 0
            ? Phrase(text, rules.Start, rules.End)
            : reading.PhraseStart >= 0 ? Phrase(text, reading.PhraseStart, reading.PhraseEnd) : string.Empty;

    // What the phrases of a complaint were, read before the patterns and the negative word add to its score: the
    // strongest phrase's kind, the negative word's, the groups seen, and the shape of a shared post or a link.
    private static ComplaintParts PhraseParts(in ScoredIntent complaint, in ScoredIntent negativeWord, ReadOnlySpan<bool> groupsSeen, ReadOnlySpan<char> text)
    {
        var parts = complaint.Strongest >= ComplaintLexicon.Strong ? ComplaintParts.StrongPhrase
            : complaint.Strongest >= ComplaintLexicon.Medium ? ComplaintParts.MediumPhrase : ComplaintParts.None;
        parts |= negativeWord.Strongest >= NegativeWordCue.StrongWordWeight ? ComplaintParts.StrongNegativeWord
            : negativeWord.Support > 0 ? ComplaintParts.NegativeWord : ComplaintParts.None;
        parts |= groupsSeen[(int)CueGroup.Negation] ? ComplaintParts.Negation : ComplaintParts.None;
        parts |= groupsSeen[(int)CueGroup.Resolution] ? ComplaintParts.Resolution : ComplaintParts.None;
        parts |= groupsSeen[(int)CueGroup.Social] ? ComplaintParts.Social : ComplaintParts.None;
        parts |= text.TrimStart().StartsWith("rt @", StringComparison.Ordinal) ? ComplaintParts.Retweet : ComplaintParts.None;
        parts |= text.Contains("http", StringComparison.Ordinal) ? ComplaintParts.Link : ComplaintParts.None;
        parts |= text.IndexOfAny(Laughs) >= 0 ? ComplaintParts.Laughter : ComplaintParts.None;
        return parts;
    }

    // Adds a matched rule to its intent: to the strongest match of a phrase-table intent, or to the score of a scored one.
    // The support of "my", which counts towards a complaint but tells of no trouble itself, is kept apart; a promotion
    // is noted among the complaint's parts.
    private static void Record(IntentRule rule, int ruleIndex, int start, int end, ReadOnlySpan<char> text, Span<Match> best, Span<ScoredIntent> scored, Span<bool> groupsSeen, ref double praiseAgainstComplaint, ref double everydaySupport, ref ComplaintParts complaintParts)
    {
        if (!IntentScoring.IsScored(rule.Label))
        {
            if (!(rule.Label == IntentLabel.Praise && IsInQuestion(text, end)))
            {
                best[(int)rule.Label].Add(rule.Weight, start, end, ruleIndex);
            }

            return;
        }

        if (rule.Marks != ComplaintParts.None)
        {
            complaintParts |= rule.Marks;
            return;
        }

        if (rule.Label == IntentLabel.Complaint && rule.Weight == ComplaintLexicon.Promotion)
        {
            complaintParts |= ComplaintParts.Promotion;
        }

        if (rule.Group != CueGroup.None)
        {
            if (groupsSeen[(int)rule.Group])
            {
                return;
            }

            groupsSeen[(int)rule.Group] = true;
            if (rule.Group == CueGroup.Positive)
            {
                // Counted once the text is known not to end sarcastically.
                praiseAgainstComplaint = rule.Weight;
                return;
            }

            if (rule.Group == CueGroup.Possessive)
            {
                everydaySupport += rule.Weight;
            }
        }

        scored[(int)rule.Label].Add(rule.Weight, start, end, ruleIndex);
    }

    // German, Spanish, French and Portuguese posts: the complaint, churn and question phrases of their language. The
    // rule indexes sort after the English table, so these phrases lose ties to nothing but each other.
    private void AddLanguagePhrases(ReadOnlySpan<char> text, LanguageResources resources, Span<Match> best, Span<ScoredIntent> scored)
    {
        if (LanguagePhraseCues.TryFind(text, resources.ComplaintPhrases, sentenceStartOnly: false, out var start, out var end))
        {
            scored[(int)IntentLabel.Complaint].Add(LanguagePhraseCues.ComplaintWeight, start, end, _rules.Count);
        }

        if (LanguagePhraseCues.TryFind(text, resources.ChurnPhrases, sentenceStartOnly: false, out start, out end))
        {
            scored[(int)IntentLabel.ChurnRisk].Add(LanguagePhraseCues.ChurnWeight, start, end, _rules.Count + 1);
        }

        if (LanguagePhraseCues.TryFind(text, resources.QuestionPhrases, sentenceStartOnly: true, out start, out end))
        {
            best[(int)IntentLabel.Question].Add(LanguagePhraseCues.QuestionConfidence, start, end, _rules.Count + 2);
        }
    }

    private static string Phrase(string text, int start, int end) => text.AsSpan(start, end - start).Trim().ToString();

    private static bool Applies(IntentRule rule, Reading reading) =>
        (reading.English || rule.LanguageIndependent) && (!rule.RequiresMention || reading.HasMention);

    // Lower case, ASCII apostrophes, line breaks kept and other white space as plain spaces, character for character,
    // so positions map back to the original text.
    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<char> Normalize(string text, char[] buffer)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            buffer[i] = c switch
            {
                '\u2019' or '\u2018' or '\u02BC' => '\'',
                '\n' => '\n',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => char.ToLowerInvariant(c),
            };
        }

        return buffer.AsSpan(0, text.Length);
    }

    private static bool HasMention(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf('@'); i >= 0 && i < text.Length - 1; i = NextAt(text, i))
        {
            // "@sam" tags a person; "sam@example.com" is an address.
            if ((i == 0 || !IntentText.IsWordChar(text[i - 1])) && IntentText.IsWordChar(text[i + 1]))
            {
                return true;
            }
        }

        return false;

        static int NextAt(ReadOnlySpan<char> text, int from)
        {
            var next = text[(from + 1)..].IndexOf('@');
            return next < 0 ? -1 : from + 1 + next;
        }
    }

    // Searches the whole text; for the few rules that start with a symbol rather than a word.
    private static bool TryFind(ReadOnlySpan<char> text, IntentRule rule, out int start, out int end)
    {
        var first = rule.Parts[0];
        var from = 0;
        while (from < text.Length)
        {
            var found = text[from..].IndexOf(first, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            start = from + found;
            from = start + 1;
            if (TryMatchAt(text, rule, start, out end))
            {
                return true;
            }
        }

        start = end = 0;
        return false;
    }

    private static bool TryMatchAt(ReadOnlySpan<char> text, IntentRule rule, int start, out int end)
    {
        var first = rule.Parts[0];
        end = start + first.Length;
        return text[start..].StartsWith(first, StringComparison.Ordinal)
            && IntentText.IsBoundary(text, start, end)
            && !(rule.Negatable && IsNegatedBefore(text, start))
            && !PrecededBy(text, start, rule.NotPrecededBy)
            && TryFindRemainingParts(text, rule.Parts, ref end)
            && !FollowedBy(text, end, rule.NotFollowedBy);
    }

    private static bool TryFindRemainingParts(ReadOnlySpan<char> text, string[] parts, ref int end)
    {
        for (var p = 1; p < parts.Length; p++)
        {
            var windowEnd = Math.Min(text.Length, end + MaxGapCharacters + parts[p].Length);
            var searchFrom = end;
            var matched = false;
            while (searchFrom < windowEnd)
            {
                var found = text[searchFrom..windowEnd].IndexOf(parts[p], StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                var partStart = searchFrom + found;
                var partEnd = partStart + parts[p].Length;
                if (IntentText.IsBoundary(text, partStart, partEnd))
                {
                    end = partEnd;
                    matched = true;
                    break;
                }

                searchFrom = partStart + 1;
            }

            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    // A question mark that ends a question (not one inside a link); the phrase is the sentence it ends.
    private static bool TryFindQuestion(ReadOnlySpan<char> text, out int start, out int end)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '?' || (i + 1 < text.Length && IntentText.IsWordChar(text[i + 1])))
            {
                continue;
            }

            end = i + 1;
            start = i;
            while (start > 0 && text[start - 1] is not ('.' or '!' or '?' or '\n') && end - start < MaxQuestionPhraseLength)
            {
                start--;
            }

            return true;
        }

        start = end = 0;
        return false;
    }

    // Whether the sentence around a position ends with a question mark ("what's the best CRM?" asks, it does not praise).
    // Keeps the most negative word of the sentiment lexicon that no negation reaches ("not bad" is no complaint).
    private static void AddNegativeWord(ReadOnlySpan<char> text, int start, int end, IntentWordCues.Cue cue, ref ScoredIntent negativeWord)
    {
        var weight = NegativeWordCue.WeightOf(text[start..end], cue);
        if (weight > negativeWord.Strongest && !IsNegatedBefore(text, start))
        {
            negativeWord = default;
            negativeWord.Add(weight, start, end, int.MaxValue);
        }
    }

    private static bool IsInQuestion(ReadOnlySpan<char> text, int position)
    {
        var next = text[position..].IndexOfAny(SentenceEnds);
        return next >= 0 && text[position + next] == '?';
    }

    private static bool IsNegatedBefore(ReadOnlySpan<char> text, int start)
    {
        var position = start;
        for (var words = 0; words < 2; words++)
        {
            var word = IntentText.PreviousWord(text, ref position);
            if (word.IsEmpty)
            {
                return false;
            }

            if (SentimentRules.IsNegation(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PrecededBy(ReadOnlySpan<char> text, int start, string[] words)
    {
        if (words.Length == 0)
        {
            return false;
        }

        var position = start;
        var previous = IntentText.PreviousWord(text, ref position);
        foreach (var word in words)
        {
            if (previous.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowedBy(ReadOnlySpan<char> text, int end, string[] phrases)
    {
        if (phrases.Length == 0)
        {
            return false;
        }

        var rest = text[end..].TrimStart(' ');
        foreach (var phrase in phrases)
        {
            if (rest.StartsWith(phrase, StringComparison.Ordinal) && (rest.Length == phrase.Length || !IntentText.IsWordChar(rest[phrase.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Reading(bool English, bool HasMention);

    private struct Match
    {
        public int Count;
        public double Strongest;
        public double Miss;
        public int Start;
        public int End;
        public int RuleIndex;

        public readonly double CombinedConfidence => 1 - Miss;

        // Among equal confidences the earlier rule in the table wins, whatever the order the text is read in.
        public void Add(double confidence, int start, int end, int ruleIndex)
        {
            Miss = Count == 0 ? 1 - confidence : Miss * (1 - confidence);
            if (Count == 0 || confidence > Strongest || (confidence == Strongest && ruleIndex < RuleIndex))
            {
                Strongest = confidence;
                Start = start;
                End = end;
                RuleIndex = ruleIndex;
            }

            Count++;
        }
    }
}
