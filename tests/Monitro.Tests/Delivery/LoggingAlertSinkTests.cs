using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Monitro.Alerting.Delivery;

namespace Monitro.Tests.Delivery;

public sealed class LoggingAlertSinkTests
{
    private static readonly Post SecretPost = new()
    {
        // A Mastodon post id is a URL that holds the handle, and so does the alert key.
        Id = "mastodon:https://example.social/users/jane/statuses/7",
        Source = "mastodon",
        Author = new Author { Platform = "mastodon", Handle = "jane" },
        Text = "my private complaint about acme",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static readonly Alert Alert = Alert.ForMention(
        new Mention { Post = SecretPost, Watch = new Watch { Name = "acme-brand", Query = "acme" } },
        DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task DeliverAsync_InformationLevel_LogsKeyFingerprintAndWatchButNoKeyTextOrHandle()
    {
        var (sink, collector) = CreateSut(LogLevel.Information);

        await sink.DeliverAsync(Alert);

        var record = Assert.Single(collector.GetSnapshot());
        Assert.Equal(LogLevel.Information, record.Level);
        var key = "acme-brand|mastodon:https://example.social/users/jane/statuses/7";
        var fingerprint = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..12];
        Assert.Contains(fingerprint, record.Message, StringComparison.Ordinal);
        Assert.Contains("acme-brand", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("private complaint", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_TraceLevel_AlsoLogsTitleAndTextAtTrace()
    {
        var (sink, collector) = CreateSut(LogLevel.Trace);

        await sink.DeliverAsync(Alert);

        var trace = Assert.Single(collector.GetSnapshot(), r => r.Level == LogLevel.Trace);
        Assert.Contains("my private complaint about acme", trace.Message, StringComparison.Ordinal);
        Assert.Contains("@jane", trace.Message, StringComparison.Ordinal);
    }

    private static (LoggingAlertSink Sink, FakeLogCollector Collector) CreateSut(LogLevel level)
    {
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(level).AddProvider(new FakeLoggerProvider(collector)));
        return (new LoggingAlertSink(factory.CreateLogger<LoggingAlertSink>()), collector);
    }
}
