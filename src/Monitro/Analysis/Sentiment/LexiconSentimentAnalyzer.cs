using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using Monitro.Analysis.Sentiment;
using Monitro.Analysis;
using System.Runtime.CompilerServices;

namespace Monitro;

/// <summary>
/// Scores the sentiment of English social text with a lexicon and VADER-style rules: negation, boosters and
/// dampeners, "but", words in capitals, exclamation and question marks, emoticons, emoji and idioms.
/// </summary>
/// <remarks>
/// <para>Text in another language (a language tag other than <c>en</c>) gets a neutral score with a confidence of
/// 0.1: the analyzer does not guess.</para>
/// <para>Instances are immutable and thread-safe; the built-in lexicon is read once and shared by all instances.</para>
/// </remarks>
public sealed class LexiconSentimentAnalyzer : ISentimentAnalyzer
{
    /// <summary>The confidence of a score for text in a language the analyzer does not cover.</summary>
    public const double UncoveredLanguageConfidence = 0.1;

    /// <summary>The highest confidence of a score for untagged text whose language could not be detected.</summary>
    public const double UncertainLanguageConfidence = 0.3;

    private const double NoHitConfidence = 0.5;
    private const double FirstHitConfidence = 0.6;
    private const double ConfidencePerHit = 0.1;
    private const double MaxConfidence = 0.95;

    // The strongest single word of praise a question may hold and still read as a request rather than an opinion.
    private const double MaxRequestValence = 2.2;

    // The strongest single word a post sharing a link may hold and still read as a report of an event (event nouns such
    // as strike, fire or resignation are rated about -1 in the language lexicons; words of judgement are rated above 2).
    private const double MaxHeadlineValence = 1.3;

    // The scalar of a negation unit that may also negate the sentiment word before it.
    private const double PostNegationMark = 1;

    private readonly SentimentModel _english;
    private readonly FrozenDictionary<string, SentimentModel> _languageModels;
    private readonly double _neutralThreshold;
    private readonly bool _detectLanguage;

    /// <summary>Initializes a new instance of the <see cref="LexiconSentimentAnalyzer"/> class with the built-in lexicon and default options.</summary>
    public LexiconSentimentAnalyzer()
        : this(new SentimentOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LexiconSentimentAnalyzer"/> class.</summary>
    /// <param name="options">The options; they are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid (see the message), or the lexicon file does not exist.</exception>
    /// <exception cref="FormatException">The lexicon file has a malformed line.</exception>
    public LexiconSentimentAnalyzer(SentimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _neutralThreshold = options.NeutralThreshold;
        _detectLanguage = options.DetectLanguage;
        _english = CreateModel(options);
        _languageModels = CreateLanguageModels(options);
    }

    /// <summary>Gets the built-in lexicon (term → mean rating from -4 to +4), for example to extend it and pass it as <see cref="SentimentOptions.Lexicon"/>.</summary>
    public static IReadOnlyDictionary<string, double> BuiltInLexicon => SentimentModel.BuiltInLexicon;

    /// <summary>Gets the number of terms in the lexicon this analyzer uses.</summary>
    public int LexiconSize => _english.Lexicon.Count;

    /// <summary>Reads a lexicon in the <c>term&lt;TAB&gt;mean[&lt;TAB&gt;...]</c> format: one term per line, its mean rating from -4 to +4, further columns ignored, lines starting with <c>#</c> and blank lines skipped.</summary>
    /// <param name="reader">The lexicon text.</param>
    /// <returns>The terms and ratings, compared case-insensitively; a term repeated later wins.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">A line is malformed; the message names the line number.</exception>
    public static IReadOnlyDictionary<string, double> LoadLexicon(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return LexiconReader.Read(reader, sourceName: null);
    }

    /// <summary>Reads a lexicon file in the <c>term&lt;TAB&gt;mean[&lt;TAB&gt;...]</c> format (UTF-8).</summary>
    /// <param name="path">The path of the file.</param>
    /// <returns>The terms and ratings, compared case-insensitively.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line is malformed; the message names the file and the line number.</exception>
    public static IReadOnlyDictionary<string, double> LoadLexicon(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return LexiconReader.Read(reader, path);
    }

    /// <inheritdoc />
    /// <remarks>
    /// English, German, Spanish, French and Portuguese are scored, and any language added through
    /// <see cref="SentimentOptions.Languages"/>; text tagged with another language gets a neutral score with
    /// <see cref="UncoveredLanguageConfidence"/>. The language of untagged text is detected (unless
    /// <see cref="SentimentOptions.DetectLanguage"/> is off); when it cannot be told, the text is read with the English
    /// rules but the confidence stays at most <see cref="UncertainLanguageConfidence"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The overloads take the same number of parameters; the language is optional only in this one.")]
    public SentimentScore Analyze(string text, string? language = null) => Analyze(text, TextLanguage.FromTag(language));

    /// <inheritdoc />
    /// <remarks>
    /// A tag is read as by <see cref="Analyze(string, string?)"/>. A detected language is used as it is, without detecting
    /// it again: a detected language that could not be told is read with the English rules at
    /// <see cref="UncertainLanguageConfidence"/>. When <see cref="SentimentOptions.DetectLanguage"/> is off, a detected
    /// language is ignored and the text read as untagged English.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SentimentScore Analyze(string text, TextLanguage language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var primary = language.IsDetected && !_detectLanguage ? null : LanguageTags.Primary(language.Code);
        var languageKnown = primary is not null;
        if (!languageKnown && !language.IsDetected && _detectLanguage && !string.IsNullOrWhiteSpace(text))
        {
            // Only untagged text pays for detection; a tag, or a language the caller detected, is trusted as it is.
            primary = LanguageDetector.Shared.Detect(text).Language;
            languageKnown = primary is not null;
        }

        var model = primary is null or "en" ? _english : ModelFor(primary);
        if (model is null)
        {
            return new SentimentScore(0, SentimentLabel.Neutral, UncoveredLanguageConfidence);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return SentimentScore.Unknown;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var tokens = ArrayPool<SentimentToken>.Shared.Rent(text.Length);
        var units = ArrayPool<SentimentUnit>.Shared.Rent(text.Length);
        try
        {
            var tokenCount = SentimentTokenizer.Tokenize(text, buffer, tokens, model, out var capsWords, out var letterWords);
            var capsDiffer = capsWords > 0 && capsWords < letterWords;
            var unitCount = BuildUnits(model, buffer, tokens.AsSpan(0, tokenCount), units);
            var ironic = SentimentRules.IsIronic(text);
            var framed = ReferenceEquals(model.Rules, LanguageRules.English) && SarcasticFrame.Opens(buffer, tokens.AsSpan(0, tokenCount));
            var sum = SumValences(units.AsSpan(0, unitCount), capsDiffer, ironic, framed, out var hits);
            if (hits == 0 && sum == 0 && ReferenceEquals(model.Rules, LanguageRules.English) && WordlessExcitement.Applies(text, units.AsSpan(0, unitCount)))
            {
                // "weekend!!": the exclamation marks then add to it as to any sum.
                sum = SentimentRules.WordlessExcitementValence;
            }

            if (hits == 1 && sum > 0 && sum <= MaxRequestValence && text.AsSpan().TrimEnd().EndsWith('?')
                && (!ReferenceEquals(model.Rules, LanguageRules.English) || RequestQuestion.Opens(buffer, tokens.AsSpan(0, tokenCount))))
            {
                // A question whose only sentiment is one mild word of praise asks for something ("wo kann man gut
                // frühstücken?", "un bon dentiste ?", "anyone know a good dentist?"); it gives no opinion. In English only
                // questions that open by asking count: "who else is excited for the weekend?" is an opinion.
                sum = 0;
            }

            if (hits == 1 && Math.Abs(sum) <= MaxHeadlineValence && !ReferenceEquals(model.Rules, LanguageRules.English) && IsSharedHeadline(text, units.AsSpan(0, unitCount)))
            {
                // A shared link with one mild word ("Lufthansa streicht Flüge wegen Streik http", "incendio en La Palma
                // http") reports an event; the writer gives no opinion of it.
                sum = 0;
            }

            sum = AddPunctuationEmphasis(text, sum);
            var compound = Normalize(sum);
            return new SentimentScore(compound, Classify(compound), Confidence(hits, languageKnown));
        }
        finally
        {
            ArrayPool<SentimentUnit>.Shared.Return(units);
            ArrayPool<SentimentToken>.Shared.Return(tokens);
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Normalizes a sum of valences into -1..+1 as x / sqrt(x² + 15).</summary>
    internal static double Normalize(double sum)
    {
        var compound = sum / Math.Sqrt((sum * sum) + SentimentRules.NormalizationAlpha);
        return Math.Clamp(compound, -1, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Confidence(int hits, bool languageKnown)
    {
        if (!languageKnown)
        {
            // The English rules read a text whose language could not be told: never a confident verdict.
            return UncertainLanguageConfidence;
        }

        return hits == 0 ? NoHitConfidence : Math.Min(MaxConfidence, FirstHitConfidence + (ConfidencePerHit * (hits - 1)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private SentimentModel? ModelFor(string language) =>
        _languageModels.TryGetValue(language, out var model) ? model : SentimentModel.BuiltInFor(language);

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double AddPunctuationEmphasis(string text, double sum)
    {
        if (sum == 0)
        {
            return 0;
        }

        var exclamations = text.AsSpan().Count('!');
        var questions = text.AsSpan().Count('?');
        var emphasis = Math.Min(exclamations, SentimentRules.MaxExclamations) * SentimentRules.ExclamationIncrement;
        if (questions > 1)
        {
            emphasis += questions <= 3 ? questions * SentimentRules.QuestionIncrement : SentimentRules.QuestionCap;
        }

        return sum > 0 ? sum + emphasis : sum - emphasis;
    }

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumValences(ReadOnlySpan<SentimentUnit> units, bool capsDiffer, bool ironic, bool framed, out int hits)
    {
        var contrast = default(ContrastMarks);
        var sarcastic = SarcasticOpeningLength(units, framed);
        var closing = ContrastMarks.HasContrast(units) ? units.Length : SarcasticClosingStart(units);
        var sum = 0.0;
        var closingSum = 0.0;
        var overwhelm = 0.0;
        var questioned = false;
        var questionedComplaint = false;
        hits = 0;
        for (var i = 0; i < units.Length; i++)
        {
            var mark = contrast.Next(units, i);
            questioned |= units[i].Questioned;
            var valence = units[i].Kind == SentimentUnitKind.ExpectedEvent ? units[i].Scalar : units[i].Valence;
            if (valence == 0)
            {
                continue;
            }

            if (i < sarcastic)
            {
                valence = -valence;
            }

            if (units[i].IsCaps && capsDiffer)
            {
                valence += valence > 0 ? SentimentRules.CapsIncrement : -SentimentRules.CapsIncrement;
            }

            valence = ApplyPrecedingUnits(units, i, valence, capsDiffer);
            if (units[i].Kind == SentimentUnitKind.ExpectedEvent && valence > 0)
            {
                // Not negated: the expected thing happened, or is only spoken of.
                continue;
            }

            if (!units[i].IsSymbol && !units[i].FollowsText && IsNegatedAfter(units, i))
            {
                valence *= SentimentRules.NegationScalar;
            }

            valence *= mark switch
            {
                ContrastMarks.Conceded => SentimentRules.BeforeButWeight,
                ContrastMarks.Stressed => SentimentRules.AfterButWeight,
                _ => 1,
            };

            // An irony mark turns what reads as praise into its opposite ("great start to the week 🙃").
            if (ironic && valence > 0)
            {
                valence = -valence;
            }

            if (units[i].Questioned && valence > 0 && !units[i].IsSymbol && !IsExclaimed(units, i))
            {
                // "why does it take 3 emails to get a simple answer", "who thought this was a good idea": the praise is
                // doubted, not given. "why is this so good" exclaims, and an emoji shows the writer's own mood.
                continue;
            }

            questionedComplaint |= units[i].Questioned && valence < 0;

            if (units[i].FollowsText)
            {
                overwhelm += valence;
            }
            else if (i >= closing)
            {
                closingSum += valence;
            }
            else
            {
                sum += valence;
            }

            hits++;
        }

        // A complaining question that names no trouble of its own is the complaint ("why is the dark mode grey").
        if (questioned && !questionedComplaint)
        {
            sum += SentimentRules.RhetoricalQuestionValence;
        }

        // Praise that closes a clearly negative text is ironic and adds to the complaint.
        var total = sum <= SentimentRules.MaxSarcasticClosingRest && closingSum > 0 ? sum - closingSum : sum + closingSum;

        // Tears and skulls beside praise are joy and laughter; beside nothing or a complaint they keep their rating.
        return total > 0 ? total + Math.Abs(overwhelm) : total + overwhelm;
    }

    // "why is this so good", "why are you so cute": a boosted word of praise in a "why" question is an exclamation.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsExclaimed(ReadOnlySpan<SentimentUnit> units, int index) =>
        index > 0 && !units[index].StartsClause && units[index - 1].Kind == SentimentUnitKind.Booster && units[index - 1].Scalar > 0;

    // Irony at the end: short sentences of praise only closing a text ("my flight got delayed 3 hours. great.", "nobody
    // texted me back. cool cool cool", "car broke down. awesome. just awesome."). After a comma, praise is usually
    // meant ("refund took a week, well done" is not), so only sentences count. Returns where they start, or the
    // length when there are none; whether the rest is negative is decided on its final valences.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SarcasticClosingStart(ReadOnlySpan<SentimentUnit> units)
    {
        var start = units.Length;
        while (start > 0)
        {
            var clauseStart = start - 1;
            while (clauseStart > 0 && !units[clauseStart].StartsSentence)
            {
                clauseStart--;
            }

            if (clauseStart == 0 || start - clauseStart > SentimentRules.MaxSarcasticClosing || !IsPraiseOnly(units[clauseStart..start]))
            {
                break;
            }

            start = clauseStart;
        }

        return start;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPraiseOnly(ReadOnlySpan<SentimentUnit> clause)
    {
        var praise = false;
        foreach (var unit in clause)
        {
            if (unit.Valence < 0 || unit.Kind is SentimentUnitKind.Negation or SentimentUnitKind.But or SentimentUnitKind.Concession)
            {
                return false;
            }

            praise |= unit.Valence > 0;
        }

        return praise;
    }

    // Irony: a short opening clause of praise followed by a negative rest ("great, the app crashed again",
    // "brilliant customer service, they hung up on me") reads as its opposite. Returns how many units to flip.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SarcasticOpeningLength(ReadOnlySpan<SentimentUnit> units, bool framed)
    {
        // After a frame of thanks or eagerness ("thanks for …", "can't wait to …") the opening ends with its word of
        // praise, and only a rest without praise of its own, nor help or a reply given, is ironic ("thanks for your help
        // when my car broke down" is not).
        var end = framed ? FramePraiseEnd(units) : 0;
        var byFrame = end > 0;
        if (end == 0)
        {
            end = 1;
            while (end < units.Length && !units[end].StartsClause)
            {
                end++;
            }
        }

        if (end >= units.Length || end > SentimentRules.MaxSarcasticOpening)
        {
            return 0;
        }

        var opening = 0.0;
        foreach (var unit in units[..end])
        {
            if (unit.Valence < 0 || unit.Kind is SentimentUnitKind.Negation or SentimentUnitKind.But or SentimentUnitKind.Concession)
            {
                return 0;
            }

            opening += unit.Valence;
        }

        // The rest is read to the end of the first sentence: in a longer text, later sentences judge other things.
        var rest = 0.0;
        var restPraises = false;
        for (var i = end; i < units.Length && (i == end || !units[i].StartsSentence); i++)
        {
            rest += units[i].Valence;
            restPraises |= units[i].Valence > 0 || units[i].Kind == SentimentUnitKind.ExpectedEvent;
        }

        return opening > 0 && rest < 0 && !(byFrame && restPraises) ? end : 0;
    }

    // The units up to the frame's word of praise ("thanks", "can't wait"), or 0 when none is among the first ones.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FramePraiseEnd(ReadOnlySpan<SentimentUnit> units)
    {
        for (var i = 0; i < units.Length && i < SentimentRules.MaxSarcasticOpening && !(i > 0 && units[i].StartsClause); i++)
        {
            if (units[i].Valence > 0)
            {
                return i + 1;
            }
        }

        return 0;
    }

    // A negation that follows a sentiment word in its clause, with no sentiment word after it, negates that word in the
    // languages whose negation can come after the verb (French "j'aime pas", German "gefällt mir nicht", Portuguese
    // "gostei não"). Only negations marked as such in the language's rules; English has none.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsNegatedAfter(ReadOnlySpan<SentimentUnit> units, int index)
    {
        for (var j = index + 1; j <= index + SentimentRules.Window && j < units.Length && !units[j].StartsClause; j++)
        {
            if (units[j].Valence != 0)
            {
                return false;
            }

            if (units[j].Kind == SentimentUnitKind.Negation && units[j].Scalar == PostNegationMark)
            {
                for (var k = j + 1; k <= j + SentimentRules.Window && k < units.Length && !units[k].StartsClause; k++)
                {
                    if (units[k].Valence != 0)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ApplyPrecedingUnits(ReadOnlySpan<SentimentUnit> units, int index, double valence, bool capsDiffer)
    {
        var direction = valence > 0 ? 1.0 : -1.0;
        for (var distance = 1; distance <= SentimentRules.Window && index - distance >= 0; distance++)
        {
            if (units[index - distance + 1].StartsClause)
            {
                break;
            }

            var previous = units[index - distance];
            if (previous.Kind == SentimentUnitKind.ScopeEnd)
            {
                break;
            }

            // As in VADER, a sentiment word in between neither boosts nor negates.
            if (previous.Valence != 0)
            {
                continue;
            }

            switch (previous.Kind)
            {
                case SentimentUnitKind.Booster:
                    var scalar = previous.Scalar * direction;
                    if (previous.IsCaps && capsDiffer)
                    {
                        scalar += SentimentRules.CapsIncrement * direction;
                    }

                    valence += scalar * SentimentRules.DistanceFactor(distance);
                    break;
                case SentimentUnitKind.Negation when !units[index].IsSymbol && !units[index].FollowsText:
                    valence *= SentimentRules.NegationScalar;
                    break;
                case SentimentUnitKind.Intensifier:
                    valence *= previous.Scalar;
                    break;
                default:
                    break;
            }
        }

        return valence;
    }

    private static void Validate(SentimentOptions options)
    {
        if (!double.IsFinite(options.NeutralThreshold) || options.NeutralThreshold < 0 || options.NeutralThreshold >= 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.NeutralThreshold,
                "SentimentOptions.NeutralThreshold must be at least 0 and less than 1.");
        }

        if (options.Lexicon is not null && options.LexiconPath is not null)
        {
            throw new ArgumentException("Set either SentimentOptions.Lexicon or SentimentOptions.LexiconPath, not both.", nameof(options));
        }

        if (options.LexiconPath is not null)
        {
            if (string.IsNullOrWhiteSpace(options.LexiconPath))
            {
                throw new ArgumentException("SentimentOptions.LexiconPath is empty.", nameof(options));
            }

            if (!File.Exists(options.LexiconPath))
            {
                throw new ArgumentException($"The lexicon file '{options.LexiconPath}' (SentimentOptions.LexiconPath) does not exist.", nameof(options));
            }
        }

        if (options.Lexicon is not null)
        {
            foreach (var (term, valence) in options.Lexicon)
            {
                if (DescribeInvalidEntry(term, valence, "SentimentOptions.Lexicon") is { } problem)
                {
                    throw new ArgumentException(problem, nameof(options));
                }
            }
        }

        foreach (var (term, valence) in options.DomainWords)
        {
            if (DescribeInvalidEntry(term, valence, "SentimentOptions.DomainWords") is { } problem)
            {
                throw new ArgumentException(problem, nameof(options));
            }
        }

        foreach (var (language, added) in options.Languages)
        {
            if (LanguageTags.Primary(language) is null or "en" || added is null)
            {
                throw new ArgumentException(
                    $"SentimentOptions.Languages: '{language}' is not a language other than English with its resources (English words go into DomainWords or Lexicon).",
                    nameof(options));
            }

            foreach (var (term, valence) in added.Lexicon)
            {
                if (DescribeInvalidEntry(term, valence, $"SentimentOptions.Languages[{language}].Lexicon") is { } problem)
                {
                    throw new ArgumentException(problem, nameof(options));
                }
            }
        }
    }

    private static string? DescribeInvalidEntry(string term, double valence, string source)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return $"{source} has an empty term.";
        }

        return !double.IsFinite(valence) || Math.Abs(valence) > SentimentRules.MaxValence
            ? $"{source}: the rating of '{LexiconReader.Excerpt(term)}' is {valence.ToString(CultureInfo.InvariantCulture)}; ratings must be between -4 and +4."
            : null;
    }

    private static SentimentModel CreateModel(SentimentOptions options)
    {
        IReadOnlyDictionary<string, double>? baseLexicon = options.Lexicon;
        if (baseLexicon is null && options.LexiconPath is not null)
        {
            baseLexicon = LoadLexicon(options.LexiconPath);
        }

        if (baseLexicon is null && options.DomainWords.Count == 0)
        {
            return SentimentModel.BuiltIn;
        }

        var merged = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (term, valence) in baseLexicon ?? SentimentModel.BuiltInLexicon)
        {
            merged[LexiconReader.NormalizeTerm(term)] = valence;
        }

        foreach (var (term, valence) in options.DomainWords)
        {
            merged[LexiconReader.NormalizeTerm(term)] = valence;
        }

        // A whole lexicon of the user's is read as it is written (a published lexicon then scores as the analyzer it was
        // written for); the built-in lexicon, with or without domain words, also reads the forms its endings derive.
        return new SentimentModel(merged.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), LanguageRules.English, deriveForms: baseLexicon is null);
    }

    private static FrozenDictionary<string, SentimentModel> CreateLanguageModels(SentimentOptions options)
    {
        var models = new Dictionary<string, SentimentModel>(StringComparer.Ordinal);
        foreach (var (tag, added) in options.Languages)
        {
            var language = LanguageTags.Primary(tag)!;
            models[language] = SentimentModel.ForLanguage(language, added);
        }

        return models.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private SentimentLabel Classify(double compound) =>
        compound >= _neutralThreshold && compound > 0 ? SentimentLabel.Positive
        : compound <= -_neutralThreshold && compound < 0 ? SentimentLabel.Negative
        : SentimentLabel.Neutral;

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int BuildUnits(SentimentModel model, ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, Span<SentimentUnit> units)
    {
        var count = 0;
        var i = 0;
        var english = ReferenceEquals(model.Rules, LanguageRules.English);
        var questioned = false;
        while (i < tokens.Length)
        {
            var token = tokens[i];
            if (i == 0 || token.StartsSentence)
            {
                // Phrases never cross clause punctuation, so every sentence starts a unit.
                questioned = english && RhetoricalQuestion.OpensAt(text, tokens, i);
            }

            var word = text.Slice(token.Start, token.Length);
            var known = model.TryGetTerm(word, out var term);
            if (known && term.Phrases is not null && TryMatchPhrase(model, text, tokens, i, term, out var phrase, out var consumed, out var inner))
            {
                var last = tokens[i + consumed - 1];

                // A booster inside a phrase ("feeling really down", "so fed up") boosts the phrase; one that opens it
                // ("so good") exclaims, also in a question ("why is this so good").
                var phraseValence = phrase.Value + (inner * Math.Sign(phrase.Value));
                units[count++] = phrase.Kind == SentimentUnitKind.Word
                    ? new SentimentUnit(SentimentUnitKind.Word, phraseValence, 0, last.IsCaps, token.StartsClause, token.IsSymbol, token.StartsSentence, Questioned: questioned && term.BoosterScalar <= 0)
                    : new SentimentUnit(phrase.Kind, 0, phrase.Value, token.IsCaps, token.StartsClause, StartsSentence: token.StartsSentence, Questioned: questioned);
                i += consumed;
                continue;
            }

            // A word the lexicon lacks, or one known only as the start of a phrase that did not match ("buena" of
            // "buena gente"), is read through its forms: inflection, elongation, masking.
            if (!term.InLexicon && term.BoosterScalar == 0 && !term.IsNegation && !term.IsBut && model.TryResolve(word, out var resolved))
            {
                term = resolved;
                known = true;
            }

            var valence = term.Valence;
            if (valence != 0 && model.Rules.TitleCaseNames && IsNamePart(text, tokens, i))
            {
                // "Porto Alegre", "Semana Grande", "Roda Viva": a word of a name says nothing of the writer's mood.
                valence = 0;
            }

            if (english && valence != 0 && term.BoosterScalar == 0 && SuperlativeEver.Applies(text, tokens, i))
            {
                // "the rudest people i've ever met", "best gig ever": the superlative is stressed.
                valence *= SentimentRules.SuperlativeEverScalar;
            }

            var kind = term.BoosterScalar != 0 ? SentimentUnitKind.Booster
                : term.IsNegation || (!known && model.Rules.IsNegation(word)) ? SentimentUnitKind.Negation
                : term.IsBut ? SentimentUnitKind.But
                : SentimentUnitKind.Word;

            var scalar = term.BoosterScalar;
            if (english && kind == SentimentUnitKind.Word && valence == 0 && Concession.TryRead(text, tokens, i, out var concession))
            {
                kind = concession;
            }
            else if (kind == SentimentUnitKind.Negation && english && CannotEnough.Matches(text, tokens, i))
            {
                kind = SentimentUnitKind.Intensifier;
                scalar = SentimentRules.NeverSoScalar;
            }
            else if (kind == SentimentUnitKind.Word && valence == 0 && english && (SentimentRules.IsExpectedEvent(word) || LikingVerb.IsNegatedVerb(text, tokens, i)))
            {
                kind = SentimentUnitKind.ExpectedEvent;
                scalar = SentimentRules.ExpectedEventValence;
            }

            if (kind == SentimentUnitKind.Negation && model.Rules.IsPostNegation(word))
            {
                scalar = PostNegationMark;
            }

            units[count++] = new SentimentUnit(
                kind,
                kind is SentimentUnitKind.Negation or SentimentUnitKind.Intensifier ? 0 : valence,
                scalar,
                token.IsCaps,
                token.StartsClause,
                token.IsSymbol,
                token.StartsSentence,
                (token.IsSymbol && SentimentRules.IsOverwhelmEmoji(word)) || (english && valence != 0 && SentimentRules.IsRepetitionWord(word)),
                questioned);
            i++;
        }

        ResolveBoosterWords(units[..count]);
        return count;
    }

    // A post that shares a link, without exclamation or emoji: the way news and announcements are shared.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsSharedHeadline(string text, ReadOnlySpan<SentimentUnit> units)
    {
        if (!text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains('!', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var unit in units)
        {
            if (unit.IsSymbol)
            {
                return false;
            }
        }

        return true;
    }

    // A word in title case inside a sentence, beside another such word, is part of a name.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsNamePart(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, int index) =>
        IsTitleCaseInside(text, tokens, index)
        && ((index > 0 && !tokens[index].StartsClause && IsTitleCaseInside(text, tokens, index - 1))
            || (index + 1 < tokens.Length && !tokens[index + 1].StartsClause && IsTitleCaseInside(text, tokens, index + 1)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsTitleCaseInside(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, int index)
    {
        var token = tokens[index];
        return index > 0 && !token.StartsSentence && !token.IsCaps && !token.IsSymbol && token.Length >= 2
            && char.IsUpper(text[token.Start]) && char.IsLower(text[token.Start + 1])
            && (token.Start == 0 || text[token.Start - 1] != '#');
    }

    // A booster that is also a sentiment word ("super") boosts when a sentiment word follows, else it is scored itself.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ResolveBoosterWords(Span<SentimentUnit> units)
    {
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i].Kind != SentimentUnitKind.Booster || units[i].Valence == 0)
            {
                continue;
            }

            var next = i + 1 < units.Length ? units[i + 1] : default;
            units[i] = next.Valence != 0
                ? units[i] with { Valence = 0 }
                : units[i] with { Kind = SentimentUnitKind.Word, Scalar = 0 };
        }
    }

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryMatchPhrase(
        SentimentModel model,
        ReadOnlySpan<char> text,
        ReadOnlySpan<SentimentToken> tokens,
        int start,
        SentimentTerm first,
        out PhraseRule phrase,
        out int consumed,
        out double innerBooster)
    {
        // A phrase that opens with a booster ("so good") is boosted from outside, not from inside ("so very good").
        var english = ReferenceEquals(model.Rules, LanguageRules.English) && first.BoosterScalar == 0;

        // Many phrases may start at a word ("no …", "not …"); the word where they part is read once for all of them.
        var boosterAt = -1;
        var boosterScalar = 0.0;
        foreach (var candidate in first.Phrases!)
        {
            var words = candidate.Words;
            var t = start + 1;
            var booster = 0.0;
            var matches = true;
            for (var w = 1; w < words.Length && matches; w++)
            {
                if (t >= tokens.Length || tokens[t].StartsClause)
                {
                    matches = false;
                    break;
                }

                var word = text.Slice(tokens[t].Start, tokens[t].Length);
                if (SentimentRules.PhraseWordsMatch(word, words[w]))
                {
                    t++;
                    continue;
                }

                // In English one booster may stand inside a phrase of words ("feeling really down", "so so fed up").
                if (english && booster == 0 && candidate.Kind == SentimentUnitKind.Word)
                {
                    if (boosterAt != t)
                    {
                        boosterAt = t;
                        boosterScalar = model.TryGetTerm(word, out var inner) && inner.BoosterScalar > 0 && inner.Valence == 0 ? inner.BoosterScalar : 0;
                    }

                    if (boosterScalar > 0 && t + 1 < tokens.Length && !tokens[t + 1].StartsClause
                        && SentimentRules.PhraseWordsMatch(text.Slice(tokens[t + 1].Start, tokens[t + 1].Length), words[w]))
                    {
                        booster = boosterScalar;
                        t += 2;
                        continue;
                    }
                }

                matches = false;
            }

            if (matches)
            {
                phrase = candidate;
                consumed = t - start;
                innerBooster = booster;
                return true;
            }
        }

        phrase = null!;
        consumed = 0;
        innerBooster = 0;
        return false;
    }
}
