using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting;
using Monitro.Alerting.State;
using static Monitro.Tests.Alerting.AlertTestData;

namespace Monitro.Tests.Alerting;

/// <summary>What the router writes for the store and reads back at start, without a store: the rows a commit would carry, read back as a store returns them.</summary>
public sealed class AlertStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Restore_DigestWindowRoutedBeforeARestart_ClosesIntoTheSameDigestAndClearsTheWindow()
    {
        var options = new ChangingOptionsMonitor<AlertingOptions>(Options(Rule("hourly", AlertMode.Digest)));
        var before = new AlertRouter(options, new FakeTimeProvider(Start));
        var mentions = new[] { Mention(text: "acme outage"), Mention(text: "acme outage again", handle: "omar@example.social") };
        var routed = new AlertStateWriter();
        before.Route(mentions, [], Start.AddMinutes(5), routed);

        var after = new AlertRouter(options, new FakeTimeProvider(Start.AddHours(1)));
        after.Restore(ReadBack(routed, mentions));
        var closing = new AlertStateWriter();
        var digest = Assert.Single(after.CollectDue(Start.AddHours(1), closing));

        Assert.Equal(before.CollectDue(Start.AddHours(1)).Single().Digest!.Watches.Single().Mentions, digest.Digest!.Watches.Single().Mentions);
        Assert.Equal(2, digest.Digest.Watches.Single().TopPeople.Count);
        Assert.Equal([AlertStateScopes.DigestWindow("hourly", Start)], closing.ToChanges()!.ClearedScopes);
    }

    [Fact]
    public void Restore_SpikeSettingsChangedWhileDown_DropsTheSeriesAndClearsItWithTheNextCommit()
    {
        var before = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(Options(Rule("surge", AlertMode.Spike))), new FakeTimeProvider(Start));
        var mention = Mention();
        var routed = new AlertStateWriter();
        before.Route([mention], [], Start, routed);
        var rows = ReadBack(routed, [mention]);
        Assert.Contains(rows, row => row.Scope == AlertStateScopes.SpikeSeries("surge", Brand.Name));

        var changed = Options(Rule("surge", AlertMode.Spike, rule => rule.Sensitivity = 5));
        var after = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(changed), new FakeTimeProvider(Start));
        after.Restore(rows);
        var next = new AlertStateWriter();
        after.Route([], [], Start.AddMinutes(1), next);

        var cleared = next.ToChanges()!.ClearedScopes;
        Assert.Contains(AlertStateScopes.SpikeSeries("surge", Brand.Name), cleared);
        Assert.Contains(AlertStateScopes.SpikeRuleOf("surge"), cleared);
        Assert.Contains(next.ToChanges()!.Saved, row => row.Scope == AlertStateScopes.SpikeRuleOf("surge")); // the new settings count from now
    }

    // The rows a store keeps after the commit, read back with their mentions as IAlertStateStore returns them.
    private static List<AlertStateRow> ReadBack(AlertStateWriter writer, IEnumerable<Mention> mentions)
    {
        var byId = mentions.ToDictionary(mention => mention.Id, StringComparer.Ordinal);
        return [.. writer.ToChanges()!.Saved.Select(row => row.RefersToMention ? row with { Mention = byId[row.Item] } : row)];
    }
}
