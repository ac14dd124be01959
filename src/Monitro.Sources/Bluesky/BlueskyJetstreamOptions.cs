using System.ComponentModel.DataAnnotations;

namespace Monitro.Sources;

/// <summary>Options of a Bluesky source that listens to posts on Jetstream (a public WebSocket stream of the network's posts).</summary>
/// <remarks>Jetstream events are not signed; fine for listening, not proof of who said what.</remarks>
public sealed class BlueskyJetstreamOptions : ListeningSourceOptions
{
    /// <summary>Gets or sets the Jetstream subscribe address.</summary>
    /// <value>The default is <c>wss://jetstream2.us-east.bsky.network/subscribe</c>. Must be an absolute ws or wss address.</value>
    public Uri Endpoint { get; set; } = new("wss://jetstream2.us-east.bsky.network/subscribe");

    /// <summary>Gets the accounts (DIDs) to listen to; empty listens to everyone.</summary>
    /// <value>The default is empty. At most 10,000.</value>
    public IList<string> WantedDids { get; } = [];

    /// <summary>Gets or sets how far the cursor is moved back on reconnect, so nothing between the last event and the drop is missed (repeats are dropped).</summary>
    /// <value>The default is five seconds. Must be between zero and ten minutes.</value>
    public TimeSpan CursorRewind { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the first wait before reconnecting after the stream drops; it doubles with every failure in a row, and
    /// each wait is shortened by up to a fifth at random.
    /// </summary>
    /// <value>The default is one second. Must be between one millisecond and one minute.</value>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait before reconnecting.</summary>
    /// <value>The default is two minutes. Must be at least <see cref="ReconnectInitialDelay"/> and at most one hour.</value>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how long connecting may take.</summary>
    /// <value>The default is 30 seconds. Must be between one second and one hour.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the largest message read, in bytes; larger messages are skipped and reported.</summary>
    /// <value>The default is 1 MiB. Must be between 1 KiB and 10 MiB.</value>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the most events put in one batch.</summary>
    /// <value>The default is 500. Must be between 1 and 100,000.</value>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 500;
}
