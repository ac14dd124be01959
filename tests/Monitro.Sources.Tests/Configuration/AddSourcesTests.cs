using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitro.Sources.Mastodon;
using Monitro.Sources.Rss;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Configuration;

public sealed class AddSourcesTests : IAsyncDisposable
{
    private readonly SourceTestHost _host = new(pumpClock: false);

    [Fact]
    public void Each_enabled_entry_becomes_a_source_named_by_its_key_with_its_options()
    {
        var sources = Json("""
            {
              "Rss": {
                "blog": { "FeedUrl": "https://blog.example.com/feed.xml", "PollInterval": "00:10:00" },
                "off": { "FeedUrl": "https://off.example.com/feed.xml", "Enabled": false }
              },
              "Mastodon": { "social": { "Instance": "https://mastodon.social", "Hashtags": [ "acme", "acmecorp" ] } }
            }
            """);

        _host.Builder.AddSources(sources);

        Assert.Equal(["blog", "social"], _host.Provider.GetServices<IListeningSource>().Select(s => s.Name).Order(StringComparer.Ordinal));
        var rss = _host.Provider.GetRequiredService<IOptionsMonitor<RssSourceOptions>>().Get("blog");
        Assert.Equal((new Uri("https://blog.example.com/feed.xml"), TimeSpan.FromMinutes(10)), (rss.FeedUrl, rss.PollInterval));
        Assert.Equal(["acme", "acmecorp"], _host.Provider.GetRequiredService<IOptionsMonitor<MastodonSourceOptions>>().Get("social").Hashtags);
    }

    [Fact]
    public void A_source_entry_with_a_bad_value_fails_naming_the_source_and_the_option_by_configuration_path()
    {
        _host.Builder.AddSources(Json("""{ "Rss": { "broken": { "PollInterval": "00:10:00" } } }"""));

        var error = Assert.Throws<OptionsValidationException>(() => _host.Source("broken"));

        Assert.Contains(error.Failures, f => f.Contains("Property Rss:broken:FeedUrl: Source 'broken': FeedUrl is required.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_entry_with_a_value_out_of_range_fails_naming_the_source_and_the_option_by_configuration_path()
    {
        _host.Builder.AddSources(Json("""{ "Mastodon": { "social": { "Instance": "https://mastodon.social", "Hashtags": [ "acme" ], "PageSize": 41 } } }"""));

        var error = Assert.Throws<OptionsValidationException>(() => _host.Source("social"));

        Assert.Contains(error.Failures, f => f.Contains("The field Mastodon:social:PageSize must be between 1 and 40.", StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static IConfigurationRoot Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
