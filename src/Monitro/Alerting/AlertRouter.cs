using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitro.Alerting.State;
using Monitro.Storage.Shared;

namespace Monitro.Alerting;

/// <summary>
/// Turns what the pipeline found into the alerts that go to the outbox, by the alert rules: immediate alerts at
/// once, mentions for digests and spikes into their windows. With no rule, every mention is one immediate alert.
/// </summary>
/// <remarks>
/// Thread-safe: the batch processor routes while the scheduler closes digests. Rules are swapped whole when the
/// options change; digest windows and spike series of a rule whose settings did not change are kept.
/// Every change to windows and series is also written to the <see cref="AlertStateWriter"/> of the call, for the
/// commit that carries its alerts, and <see cref="Restore"/> brings it back at start.
/// </remarks>
internal sealed class AlertRouter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<Alert, string?> _roleOf;
    private readonly IDisposable? _subscription;
    private readonly Dictionary<string, DigestWindows> _digests = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Rule, string Watch), SpikeSeries> _spikes = [];
    private readonly Dictionary<string, DateTimeOffset> _spikeRulesSince = new(StringComparer.Ordinal);

    // Spike rules whose start is not saved yet, and stored scopes no rule takes any more: written with the next commit.
    private readonly HashSet<string> _unsavedSpikeRules = new(StringComparer.Ordinal);
    private readonly HashSet<string> _staleScopes = new(StringComparer.Ordinal);

    // Counts the spike series states saved, so the later of a batch's and a check's rows wins at start (see SpikeSeriesState.Revision).
    private long _seriesRevision;
    private AlertRule[] _rules = [];
    private bool _raiseRetractions;

    /// <param name="options">The rules, watched for changes; <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="roleOf">Tells the relationship role of an alert's person, when known (for rules with roles).</param>
    public AlertRouter(IOptionsMonitor<AlertingOptions>? options, TimeProvider timeProvider, ILogger? logger = null, Func<Alert, string?>? roleOf = null)
    {
        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _roleOf = roleOf ?? (static _ => null);
        if (options is not null)
        {
            Apply(options.CurrentValue);
            _subscription = options.OnChange(changed => Apply(changed));
        }
    }

    /// <summary>Creates a router over fixed rules, for an owner that is not configured through the options system (a tenant's alerting in a cluster).</summary>
    /// <param name="options">The rules; invalid ones are logged and none is applied.</param>
    /// <param name="timeProvider">The clock: a spike rule counts from the moment the router is created.</param>
    /// <param name="logger">The logger.</param>
    /// <returns>The router; it watches no options, so disposing it is not needed.</returns>
    public static AlertRouter ForRules(AlertingOptions options, TimeProvider timeProvider, ILogger? logger = null)
    {
        var router = new AlertRouter(null, timeProvider, logger);
        router.Apply(options);
        return router;
    }

    /// <summary>Gets a router without rules: every mention is one immediate alert.</summary>
    public static AlertRouter PassThrough { get; } = new(null, TimeProvider.System);

    /// <summary>Gets how often the scheduler should check digests and spikes.</summary>
    public TimeSpan CheckInterval { get; private set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets the rules in force.</summary>
    public IReadOnlyList<string> RuleNames => [.. Volatile.Read(ref _rules).Select(rule => rule.Name)];

    /// <summary>Routes a committed batch's mentions (and retractions) and returns the alerts to commit with it.</summary>
    /// <param name="mentions">The batch's mentions.</param>
    /// <param name="retractions">The ids of the posts the batch retracts.</param>
    /// <param name="now">The batch's moment.</param>
    /// <param name="state">Collects the state changes to commit with the batch, or <see langword="null"/>.</param>
    /// <param name="roleOf">Tells the role of an alert's person for this call, in place of the router's own (an owner that read the roles beforehand, such as a tenant's alert grain).</param>
    public List<Alert> Route(IReadOnlyList<Mention> mentions, IReadOnlyList<string> retractions, DateTimeOffset now, AlertStateWriter? state = null, Func<Alert, string?>? roleOf = null)
    {
        var candidates = new List<Alert>(mentions.Count + retractions.Count);
        foreach (var mention in mentions)
        {
            candidates.Add(Alert.ForMention(mention, now));
        }

        if (Volatile.Read(ref _raiseRetractions))
        {
            foreach (var postId in retractions)
            {
                candidates.Add(new Alert
                {
                    IdempotencyKey = "retracted|" + postId,
                    Kind = AlertKinds.MentionRetracted,
                    RaisedAt = now,
                    Title = "Post withdrawn by its source: " + postId,
                    RetractedPostId = postId,
                });
            }
        }

        return Route(candidates, now, state, roleOf);
    }

    /// <summary>
    /// Routes candidate alerts (a mention alert, a relationship transition, a retraction): returns those that go out
    /// at once, and keeps mention alerts that digest or spike rules take for later.
    /// </summary>
    /// <param name="candidates">The candidate alerts.</param>
    /// <param name="now">The moment of routing.</param>
    /// <param name="state">Collects the state changes to commit with the alerts, or <see langword="null"/>.</param>
    /// <param name="roleOf">Tells the role of an alert's person for this call, in place of the router's own (an owner that knows the person better, such as a person's grain).</param>
    public List<Alert> Route(IEnumerable<Alert> candidates, DateTimeOffset now, AlertStateWriter? state = null, Func<Alert, string?>? roleOf = null)
    {
        roleOf ??= _roleOf;
        var rules = Volatile.Read(ref _rules);
        var immediate = new List<Alert>();
        if (rules.Length == 0)
        {
            immediate.AddRange(candidates);
            if (state is not null)
            {
                lock (_gate)
                {
                    SavePending(state); // rows left by rules since removed
                }
            }

            return immediate;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            var touched = new HashSet<(string Rule, string Watch)>();
            foreach (var candidate in candidates)
            {
                var role = roleOf(candidate);
                foreach (var rule in rules)
                {
                    if (!rule.Matches(candidate, role))
                    {
                        continue;
                    }

                    switch (rule.Mode)
                    {
                        case AlertMode.Immediate:
                            // Several immediate rules taking one alert still make one alert: its key is the same.
                            if (keys.Add(candidate.IdempotencyKey))
                            {
                                immediate.Add(candidate with { Rule = rule.Name });
                            }

                            break;
                        case AlertMode.Digest when candidate.Mention is { } mention:
                            if (DigestOf(rule).Add(mention, now) is (var start, true))
                            {
                                state?.SaveMention(AlertStateScopes.DigestWindow(rule.Name, start), mention);
                            }

                            break;
                        case AlertMode.Spike when candidate.Mention is { } mention:
                            var series = SeriesOf(rule, mention.Watch, now);
                            var ended = series.CurrentBucket;
                            if (series.Advance(now))
                            {
                                state?.Clear(AlertStateScopes.SpikeWindowOf(rule.Name, mention.Watch.Name, ended));
                            }

                            if (series.Add(mention, now))
                            {
                                state?.SaveMention(AlertStateScopes.SpikeWindowOf(rule.Name, mention.Watch.Name, series.CurrentBucket), mention);
                            }

                            touched.Add((rule.Name, mention.Watch.Name));
                            break;
                    }
                }
            }

            // A spike alerts with the batch that made it, not a check interval later.
            foreach (var rule in rules.Where(rule => rule.Mode == AlertMode.Spike))
            {
                foreach (var key in touched.Where(key => key.Rule == rule.Name))
                {
                    if (_spikes[key].Evaluate(rule.Name, rule.TopCount, now) is { } spike && keys.Add(spike.IdempotencyKey))
                    {
                        immediate.Add(spike);
                    }

                    SaveSeries(key, state, AlertStateScopes.Single);
                }
            }

            SavePending(state);
        }

        return immediate;
    }

    /// <summary>
    /// Advances the relationship scorer to <paramref name="now"/> and routes the transitions it detects like any
    /// alert: the one way relationship transitions become alerts, with a batch or between batches.
    /// </summary>
    /// <remarks>Called only from the processing task, which owns the scorer's timing.</remarks>
    public List<Alert> RouteTransitions(IRelationshipScorer scorer, DateTimeOffset now) =>
        Route(scorer.Advance(now).Select(transition => Alert.ForTransition(transition, now)), now);

    /// <summary>Closes the digest windows that ended and checks every spike series; returns the alerts raised.</summary>
    /// <param name="now">The moment of the check.</param>
    /// <param name="state">Collects the state changes to commit with the alerts (windows sent, cool-downs), or <see langword="null"/>.</param>
    public List<Alert> CollectDue(DateTimeOffset now, AlertStateWriter? state = null)
    {
        var rules = Volatile.Read(ref _rules);
        var alerts = new List<Alert>();
        lock (_gate)
        {
            foreach (var rule in rules)
            {
                if (rule.Mode == AlertMode.Digest && _digests.TryGetValue(rule.Name, out var windows))
                {
                    foreach (var digest in windows.CloseDue(rule.Name, rule.TopCount, now))
                    {
                        // The window's rows go with its digest: a restart after this commit cannot send it again.
                        state?.Clear(AlertStateScopes.DigestWindow(rule.Name, digest.Digest!.WindowStart));
                        alerts.Add(digest);
                    }
                }
                else if (rule.Mode == AlertMode.Spike)
                {
                    foreach (var (key, series) in _spikes.Where(pair => pair.Key.Rule == rule.Name))
                    {
                        var ended = series.CurrentBucket;
                        var moved = series.Advance(now);
                        if (moved)
                        {
                            state?.Clear(AlertStateScopes.SpikeWindowOf(key.Rule, key.Watch, ended));
                        }

                        var spike = series.Evaluate(rule.Name, rule.TopCount, now);
                        if (spike is not null)
                        {
                            alerts.Add(spike);
                        }

                        if (moved || spike is not null)
                        {
                            SaveSeries(key, state, AlertStateScopes.SavedByCheck);
                        }
                    }
                }
            }

            SavePending(state);
        }

        foreach (var alert in alerts)
        {
            _logger.ScheduledAlertRaised(alert.Kind, alert.IdempotencyKey);
        }

        return alerts;
    }

    /// <summary>
    /// Gets the next moment <see cref="CollectDue"/> has something to do, after a check at <paramref name="checkedAt"/>:
    /// the end of the first open digest window, a spike series' window end or cool-down end; <see langword="null"/> when
    /// nothing is open. An owner that checks only when something is due (a cluster's clock) asks this after each commit.
    /// </summary>
    /// <param name="checkedAt">The moment of the last check, or <see cref="DateTimeOffset.MinValue"/> when none is known.</param>
    public DateTimeOffset? NextCheckAt(DateTimeOffset checkedAt)
    {
        var rules = Volatile.Read(ref _rules);
        DateTimeOffset? next = null;
        lock (_gate)
        {
            foreach (var rule in rules)
            {
                if (rule.Mode == AlertMode.Digest && _digests.TryGetValue(rule.Name, out var windows) && windows.FirstEnd is { } end)
                {
                    next = Earlier(next, end);
                }
                else if (rule.Mode == AlertMode.Spike)
                {
                    foreach (var (key, series) in _spikes)
                    {
                        if (key.Rule == rule.Name)
                        {
                            next = Earlier(next, series.NextCheckAfter(checkedAt));
                        }
                    }
                }
            }
        }

        return next;

        static DateTimeOffset Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } first && first <= b ? first : b;
    }

    /// <summary>
    /// Brings back the windows and series a previous run stored (<see cref="IAlertStateStore"/>), before anything is
    /// routed. Rows of rules no longer in force, or of spike rules whose settings changed, are dropped, and cleared
    /// from the store with the next commit.
    /// </summary>
    /// <param name="rows">The stored rows; rows that are not alerting's own (identity links) are left alone.</param>
    public void Restore(IReadOnlyList<AlertStateRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var rules = Volatile.Read(ref _rules).ToDictionary(rule => rule.Name, StringComparer.Ordinal);
        lock (_gate)
        {
            var windows = new Dictionary<string, SpikeSeries>(StringComparer.Ordinal);
            var revisions = new Dictionary<(string Rule, string Watch), long>();
            foreach (var row in rows)
            {
                if (row.Scope.StartsWith(AlertStateScopes.SpikeRule, StringComparison.Ordinal))
                {
                    RestoreSpikeRule(row, rules);
                }
                else if (row.Scope.StartsWith(AlertStateScopes.Spike, StringComparison.Ordinal))
                {
                    RestoreSeries(row, rules, windows, revisions);
                }
            }

            foreach (var row in rows)
            {
                if (row.Mention is not { } mention)
                {
                    continue;
                }

                if (AlertStateScopes.TryReadDigestWindow(row.Scope, out var ruleName, out var start))
                {
                    if (rules.TryGetValue(ruleName, out var rule) && rule.Mode == AlertMode.Digest)
                    {
                        DigestOf(rule).Restore(start, mention);
                    }
                    else
                    {
                        _staleScopes.Add(row.Scope);
                    }
                }
                else if (row.Scope.StartsWith(AlertStateScopes.SpikeWindow, StringComparison.Ordinal))
                {
                    if (windows.TryGetValue(row.Scope, out var series))
                    {
                        series.RestoreMention(mention);
                    }
                    else
                    {
                        _staleScopes.Add(row.Scope);
                    }
                }
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _subscription?.Dispose();

    private void RestoreSpikeRule(AlertStateRow row, Dictionary<string, AlertRule> rules)
    {
        var name = row.Scope[AlertStateScopes.SpikeRule.Length..];
        if (rules.TryGetValue(name, out var rule) && rule.Mode == AlertMode.Spike
            && AlertStatePayload.Read(row, AlertStateJsonContext.Default.SpikeRuleState) is { } stored
            && stored.Settings == rule.Spike.Fingerprint)
        {
            if (!_spikeRulesSince.TryGetValue(name, out var since) || stored.Since < since)
            {
                _spikeRulesSince[name] = stored.Since;
            }

            _unsavedSpikeRules.Remove(name);
        }
        else
        {
            _staleScopes.Add(row.Scope);
        }
    }

    // A series has a row saved by the batches and one by the checks: the one of the higher revision is its latest state.
    private void RestoreSeries(AlertStateRow row, Dictionary<string, AlertRule> rules, Dictionary<string, SpikeSeries> windows, Dictionary<(string Rule, string Watch), long> revisions)
    {
        if (AlertStatePayload.Read(row, AlertStateJsonContext.Default.SpikeSeriesState) is { } stored
            && rules.TryGetValue(stored.Rule, out var rule) && rule.Mode == AlertMode.Spike
            && SpikeSeries.FromState(stored, rule.Spike) is { } series)
        {
            var key = (stored.Rule, stored.Watch.Name);
            _seriesRevision = Math.Max(_seriesRevision, stored.Revision);
            if (revisions.TryGetValue(key, out var seen) && seen >= stored.Revision)
            {
                return;
            }

            if (_spikes.TryGetValue(key, out var earlier))
            {
                windows.Remove(AlertStateScopes.SpikeWindowOf(stored.Rule, stored.Watch.Name, earlier.CurrentBucket));
            }

            revisions[key] = stored.Revision;
            _spikes[key] = series;
            windows[AlertStateScopes.SpikeWindowOf(stored.Rule, stored.Watch.Name, series.CurrentBucket)] = series;
        }
        else
        {
            _staleScopes.Add(row.Scope);
        }
    }

    // The batches and the checks save a series as rows of their own: they commit concurrently, so the one committed last may be the older state.
    private void SaveSeries((string Rule, string Watch) key, AlertStateWriter? state, string savedBy) =>
        state?.Save(new AlertStateRow
        {
            Scope = AlertStateScopes.SpikeSeries(key.Rule, key.Watch),
            Item = savedBy,
            Payload = AlertStatePayload.Write(_spikes[key].ToState(key.Rule, ++_seriesRevision), AlertStateJsonContext.Default.SpikeSeriesState),
        });

    // What changed outside any commit (a spike rule started, rows found stale at start) goes with the next one.
    private void SavePending(AlertStateWriter? state)
    {
        if (state is null)
        {
            return;
        }

        foreach (var scope in _staleScopes)
        {
            state.Clear(scope);
        }

        foreach (var name in _unsavedSpikeRules)
        {
            if (_spikeRulesSince.TryGetValue(name, out var since) && _rules.FirstOrDefault(rule => rule.Name == name) is { Mode: AlertMode.Spike } rule)
            {
                state.Save(new AlertStateRow
                {
                    Scope = AlertStateScopes.SpikeRuleOf(name),
                    Item = AlertStateScopes.Single,
                    Payload = AlertStatePayload.Write(new SpikeRuleState(rule.Spike.Fingerprint, since), AlertStateJsonContext.Default.SpikeRuleState),
                });
            }
        }

        _staleScopes.Clear();
        _unsavedSpikeRules.Clear();
    }

    private void Apply(AlertingOptions options)
    {
        var validation = OptionsValidation.Validate(options, new AlertingOptionsValidator(), new AlertingOptionsCustomValidator());
        if (validation.Failed)
        {
            _logger.RulesRejected(validation.FailureMessage);
            return;
        }

        var rules = options.Rules.Select(rule => new AlertRule(rule)).ToArray();
        lock (_gate)
        {
            var previous = _rules.ToDictionary(rule => rule.Name, StringComparer.Ordinal);
            foreach (var name in _digests.Keys.ToArray())
            {
                if (!rules.Any(rule => rule.Name == name && rule.Mode == AlertMode.Digest && rule.Period == _digests[name].Period))
                {
                    _digests.Remove(name);
                }
            }

            foreach (var rule in rules.Where(rule => rule.Mode == AlertMode.Spike))
            {
                // A spike rule keeps its history only while its spike settings stay the same.
                if (!previous.TryGetValue(rule.Name, out var old) || old.Mode != AlertMode.Spike || old.Spike != rule.Spike)
                {
                    _spikeRulesSince[rule.Name] = _time.GetUtcNow();
                    _unsavedSpikeRules.Add(rule.Name);
                    foreach (var key in _spikes.Keys.Where(key => key.Rule == rule.Name).ToArray())
                    {
                        _spikes.Remove(key);
                    }
                }
            }

            foreach (var key in _spikes.Keys.Where(key => !rules.Any(rule => rule.Name == key.Rule && rule.Mode == AlertMode.Spike)).ToArray())
            {
                _spikes.Remove(key);
            }

            CheckInterval = options.CheckInterval;
            Volatile.Write(ref _raiseRetractions, options.RaiseRetractionAlerts);
            Volatile.Write(ref _rules, rules);
        }

        _logger.RulesChanged(rules.Length);
    }

    private DigestWindows DigestOf(AlertRule rule)
    {
        if (!_digests.TryGetValue(rule.Name, out var windows))
        {
            windows = new DigestWindows(rule.Period);
            _digests[rule.Name] = windows;
        }

        return windows;
    }

    private SpikeSeries SeriesOf(AlertRule rule, Watch watch, DateTimeOffset now)
    {
        if (!_spikes.TryGetValue((rule.Name, watch.Name), out var series))
        {
            // History starts when the rule started, not at the watch's first mention: quiet windows before count as zero.
            var since = _spikeRulesSince.TryGetValue(rule.Name, out var started) && started <= now ? started : now;
            series = new SpikeSeries(watch, rule.Spike, since);
            _spikes[(rule.Name, watch.Name)] = series;
        }

        return series;
    }
}
