using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Monitro.CrashHarness;

/// <summary>
/// The <c>replies</c> mode: publishes the reply outbox of a store to a Mastodon server with the reply dispatcher and
/// the Mastodon publisher, and exits 0 once no reply is left queued.
/// </summary>
internal static class ReplyPublishing
{
    public const string Account = "acme";

    public static async Task<int> RunAsync(string database, Uri mastodon, string accessToken, string clockOffsetMinutes)
    {
        var clock = new OffsetTimeProvider(TimeSpan.FromMinutes(int.Parse(clockOffsetMinutes, CultureInfo.InvariantCulture)));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddMonitro()
            .UseDatabase(database)
            .AddReplies(options =>
            {
                // Short leases and retries, so that each restart (its clock moved on by a minute) takes over at once.
                options.LeaseDuration = TimeSpan.FromSeconds(30);
                options.AttemptTimeout = TimeSpan.FromSeconds(10);
                options.RetryInitialDelay = TimeSpan.FromMilliseconds(10);
                options.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
                options.MaxAttempts = 100;
            })
            .AddMastodonReplies(Account, options =>
            {
                options.Instance = mastodon;
                options.AccessToken = accessToken;
            });

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
}
