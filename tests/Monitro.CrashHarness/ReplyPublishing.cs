using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Monitro.CrashHarness;

/// <summary>
/// The <c>replies</c> mode: publishes the reply outbox of a store with the reply dispatcher and the publisher of one
/// platform for account <c>acme</c>, and exits 0 once no reply is left queued.
/// </summary>
internal static class ReplyPublishing
{
    public const string Account = "acme";

    /// <summary>The arguments naming the publisher, after the database and the clock offset.</summary>
    public const string Usage = "mastodon <url> <access-token> | bluesky <url> <identifier> <app-password> | reddit <url> <client-id> <client-secret> <refresh-token>";

    public static async Task<int> RunAsync(string database, string clockOffsetMinutes, string[] publisher)
    {
        var clock = new OffsetTimeProvider(TimeSpan.FromMinutes(int.Parse(clockOffsetMinutes, CultureInfo.InvariantCulture)));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        var monitro = services.AddMonitro()
            .UseDatabase(database)
            .AddReplies(options =>
            {
                // Short leases and retries, so that each restart (its clock moved on by a minute) takes over at once.
                options.LeaseDuration = TimeSpan.FromSeconds(30);
                options.AttemptTimeout = TimeSpan.FromSeconds(10);
                options.RetryInitialDelay = TimeSpan.FromMilliseconds(10);
                options.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
                options.MaxAttempts = 100;
            });
        if (!AddPublisher(monitro, publisher))
        {
            await Console.Error.WriteLineAsync("usage: Monitro.CrashHarness replies <database> <clock-offset-minutes> " + Usage);
            return 2;
        }

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var desk = provider.GetRequiredService<ReplyDesk>();

        // The passes the background dispatcher makes, until the outbox holds nothing queued.
        while (true)
        {
            if (await desk.PublishDueAsync() == 0)
            {
                if ((await desk.ListAsync(ReplyState.Queued, 1)).Count == 0)
                {
                    return 0;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        }
    }

    private static bool AddPublisher(IMonitroBuilder monitro, string[] publisher)
    {
        switch (publisher)
        {
            case ["mastodon", var url, var token]:
                monitro.AddMastodonReplies(Account, options =>
                {
                    options.Instance = new Uri(url);
                    options.AccessToken = token;
                });
                return true;
            case ["bluesky", var url, var identifier, var password]:
                monitro.AddBlueskyReplies(Account, options =>
                {
                    options.ServiceUrl = new Uri(url);
                    options.Identifier = identifier;
                    options.AppPassword = password;
                });
                return true;
            case ["reddit", var url, var clientId, var clientSecret, var refreshToken]:
                monitro.AddRedditReplies(Account, options =>
                {
                    options.ClientId = clientId;
                    options.ClientSecret = clientSecret;
                    options.RefreshToken = refreshToken;
                    options.UserAgent = "test:monitro-crash-harness:1.0 (by /u/acme_support)";
                    options.TokenEndpoint = new Uri(new Uri(url), "api/v1/access_token");
                    options.ApiBaseAddress = new Uri(url);
                    options.RequestsPerMinute = 600; // the most allowed: each restart starts a fresh budget anyway
                });
                return true;
            default:
                return false;
        }
    }
}
