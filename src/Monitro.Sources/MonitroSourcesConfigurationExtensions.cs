using Microsoft.Extensions.Configuration;
using Monitro.Sources;
using Monitro.Validation.Shared;

namespace Monitro;

/// <summary>Adds Monitro's built-in listening sources from configuration.</summary>
public static class MonitroSourcesConfigurationExtensions
{
    /// <summary>Adds one source per child of the section's platform sections; the child's key is the source's name.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="sources">The sources section, for example <c>configuration.GetSection("Monitro:Sources")</c>; its shape is in docs/configuration.md.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="sources"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// The platform sections are <c>Rss</c>, <c>GoogleAlerts</c>, <c>Mastodon</c>, <c>BlueskyJetstream</c>,
    /// <c>BlueskySearch</c>, <c>HackerNews</c> and <c>Reddit</c>; each child binds that source's options (as
    /// <see cref="MonitroSourcesBuilderExtensions"/> takes them), and <c>"Enabled": false</c> leaves it out. The options are
    /// validated when the host starts, with the source's name in the error.
    /// </remarks>
    public static IMonitroBuilder AddSources(this IMonitroBuilder builder, IConfiguration sources)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var (platform, add) in Platforms)
        {
            foreach (var source in sources.GetSection(platform).GetChildren().Where(source => source.GetValue("Enabled", defaultValue: true)))
            {
                add(builder, source);
            }
        }

        return builder;
    }

    // Each platform's section and how one of its entries is added; the entry's key is the source's name, and its
    // section path names the bad value when its options fail validation.
    private static readonly (string Platform, Action<IMonitroBuilder, IConfigurationSection> Add)[] Platforms =
    [
        ("Rss", static (builder, source) => FromSection<RssSourceOptions>(builder.AddRss(source.Key, options => source.Bind(options)), source)),
        ("GoogleAlerts", static (builder, source) => FromSection<RssSourceOptions>(builder.AddGoogleAlerts(source.Key, options => source.Bind(options)), source)),
        ("Mastodon", static (builder, source) => FromSection<MastodonSourceOptions>(builder.AddMastodon(source.Key, options => source.Bind(options)), source)),
        ("BlueskyJetstream", static (builder, source) => FromSection<BlueskyJetstreamOptions>(builder.AddBlueskyJetstream(source.Key, options => source.Bind(options)), source)),
        ("BlueskySearch", static (builder, source) => FromSection<BlueskySearchOptions>(builder.AddBlueskySearch(source.Key, options => source.Bind(options)), source)),
        ("HackerNews", static (builder, source) => FromSection<HackerNewsSourceOptions>(builder.AddHackerNews(source.Key, options => source.Bind(options)), source)),
        ("Reddit", static (builder, source) => FromSection<RedditSourceOptions>(builder.AddReddit(source.Key, options => source.Bind(options)), source)),
    ];

    // Binding stays with the concrete options type above, where the binding generator can see it.
    private static void FromSection<TOptions>(IMonitroBuilder builder, IConfigurationSection source)
        where TOptions : ListeningSourceOptions => OptionsConfigurationPaths.Of(builder.Services).Add<TOptions>(source.Key, source.Path);
}
