namespace Monitro.Alerting;

/// <summary>A validated <see cref="AlertRuleOptions"/>, copied so a later change to the options cannot tear it, with its filter.</summary>
internal sealed class AlertRule
{
    private readonly HashSet<string> _watches;
    private readonly HashSet<WatchCategory> _categories;
    private readonly string[] _kinds;
    private readonly HashSet<SentimentLabel> _sentiments;
    private readonly double? _minSentiment;
    private readonly double? _maxSentiment;
    private readonly HashSet<IntentLabel> _intents;
    private readonly HashSet<string> _roles;
    private readonly long? _minFollowers;
    private readonly string[] _languages;
    private readonly HashSet<string> _sources;

    public AlertRule(AlertRuleOptions options)
    {
        Name = options.Name;
        Mode = options.Mode;
        Period = options.Period;
        TopCount = options.TopCount;
        Spike = new SpikeSettings(options.SpikeWindow, options.BaselineWindows, options.Sensitivity, options.MinimumCount, options.Cooldown, options.DetectNegativeShare);
        _watches = new HashSet<string>(options.Watches, StringComparer.Ordinal);
        _categories = [.. options.Categories];
        _kinds = options.Kinds.Count == 0 ? [AlertKinds.Mention] : [.. options.Kinds];
        _sentiments = [.. options.Sentiments];
        _minSentiment = options.MinSentiment;
        _maxSentiment = options.MaxSentiment;
        _intents = [.. options.Intents];
        _roles = new HashSet<string>(options.Roles, StringComparer.OrdinalIgnoreCase);
        _minFollowers = options.MinFollowers;
        _languages = [.. options.Languages];
        _sources = new HashSet<string>(options.Sources, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public AlertMode Mode { get; }

    public DigestPeriod Period { get; }

    public int TopCount { get; }

    public SpikeSettings Spike { get; }

    /// <summary>Whether the rule takes the alert; <paramref name="role"/> is the person's relationship role when known.</summary>
    public bool Matches(Alert alert, string? role)
    {
        if (!MatchesKind(alert.Kind))
        {
            return false;
        }

        if (_roles.Count > 0 && (role is null || !_roles.Contains(role)))
        {
            return false;
        }

        var mention = alert.Mention;
        if (mention is null)
        {
            // Only the kind and the role speak about an alert without a mention; a mention filter cannot take it.
            return !HasMentionFilters;
        }

        return MatchesWatch(mention.Watch) && MatchesSignals(mention.Signals) && MatchesPost(mention.Post);
    }

    private bool HasMentionFilters =>
        _watches.Count > 0 || _categories.Count > 0 || _sentiments.Count > 0 || _minSentiment is not null || _maxSentiment is not null
        || _intents.Count > 0 || _minFollowers is not null || _languages.Length > 0 || _sources.Count > 0;

    private bool MatchesKind(string kind)
    {
        foreach (var pattern in _kinds)
        {
            var matched = pattern.EndsWith('*')
                ? kind.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
                : string.Equals(kind, pattern, StringComparison.Ordinal);
            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesWatch(Watch watch) =>
        (_watches.Count == 0 || _watches.Contains(watch.Name)) && (_categories.Count == 0 || _categories.Contains(watch.Category));

    private bool MatchesSignals(MentionSignals? signals)
    {
        if (_sentiments.Count == 0 && _minSentiment is null && _maxSentiment is null && _intents.Count == 0)
        {
            return true;
        }

        if (signals is null)
        {
            // Not enriched (our own posts): a sentiment or intent filter cannot say yes.
            return false;
        }

        var sentiment = signals.Sentiment;
        return (_sentiments.Count == 0 || _sentiments.Contains(sentiment.Label))
            && (_minSentiment is not { } min || sentiment.Compound >= min)
            && (_maxSentiment is not { } max || sentiment.Compound <= max)
            && (_intents.Count == 0 || signals.Intents.Any(hit => _intents.Contains(hit.Label)));
    }

    private bool MatchesPost(Post post) =>
        (_minFollowers is not { } followers || (post.Author.Followers ?? 0) >= followers)
        && (_sources.Count == 0 || _sources.Contains(post.Source))
        && (_languages.Length == 0 || (post.Language is { } language && _languages.Any(tag => LanguageMatches(language, tag))));

    // "en" takes "en" and "en-GB"; "en-GB" takes only "en-GB".
    private static bool LanguageMatches(string language, string tag) =>
        language.Equals(tag, StringComparison.OrdinalIgnoreCase)
        || (language.Length > tag.Length && language[tag.Length] == '-' && language.StartsWith(tag, StringComparison.OrdinalIgnoreCase));
}
