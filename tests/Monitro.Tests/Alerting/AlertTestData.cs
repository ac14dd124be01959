using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Monitro.Alerting;
using Monitro.Testing;

namespace Monitro.Tests.Alerting;

/// <summary>Mentions and option monitors for the alerting tests.</summary>
internal static class AlertTestData
{
    public static readonly Watch Brand = new() { Name = "acme", Category = WatchCategory.Brand, Query = "acme" };
    public static readonly Watch Rival = new() { Name = "rival", Category = WatchCategory.Competitor, Query = "rival" };
    private static int _next;

    public static Mention Mention(
        Watch? watch = null,
        string text = "acme is fine",
        SentimentLabel sentiment = SentimentLabel.Neutral,
        double compound = 0,
        IntentLabel[]? intents = null,
        long? followers = 10,
        string handle = "jane@example.social",
        string source = "mastodon",
        string? language = "en",
        DateTimeOffset? createdAt = null)
    {
        var id = Interlocked.Increment(ref _next);
        var post = TestPosts.Create("n" + id, text, handle: handle, source: source, language: language, createdAt: createdAt);
        return new Mention
        {
            Post = post with { Author = post.Author with { Followers = followers } },
            Watch = watch ?? Brand,
            Signals = new MentionSignals
            {
                Sentiment = new SentimentScore(compound, sentiment, 0.9),
                Intents = [.. (intents ?? []).Select(label => new IntentHit(label, "phrase", 0.8))],
            },
        };
    }

    public static AlertingOptions Options(params AlertRuleOptions[] rules)
    {
        var options = new AlertingOptions();
        foreach (var rule in rules)
        {
            options.Rules.Add(rule);
        }

        return options;
    }

    public static AlertRuleOptions Rule(string name, AlertMode mode = AlertMode.Immediate, Action<AlertRuleOptions>? configure = null)
    {
        var rule = new AlertRuleOptions { Name = name, Mode = mode };
        configure?.Invoke(rule);
        return rule;
    }
}

/// <summary>An options monitor whose value a test changes, as a configuration reload would.</summary>
internal sealed class ChangingOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    private readonly List<Action<T, string?>> _listeners = [];

    public T CurrentValue { get; private set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable OnChange(Action<T, string?> listener)
    {
        _listeners.Add(listener);
        return new CallbackDisposable(() => _listeners.Remove(listener));
    }

    public void Change(T value)
    {
        CurrentValue = value;
        foreach (var listener in _listeners.ToArray())
        {
            listener(value, Microsoft.Extensions.Options.Options.DefaultName);
        }
    }

    private sealed class CallbackDisposable(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
