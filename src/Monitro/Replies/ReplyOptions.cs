using System.ComponentModel.DataAnnotations;

namespace Monitro;

/// <summary>Options of the reply outbox (<see cref="ReplyDesk"/>).</summary>
public sealed class ReplyOptions
{
    /// <summary>Gets the accounts (publisher names) whose replies wait for approval before they are sent.</summary>
    /// <value>The default is empty: replies are sent without approval.</value>
    public ISet<string> ApprovalRequired { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets the saved replies by name; a template's <c>{placeholder}</c>s are filled by <see cref="ReplyDesk.RenderTemplate"/>.</summary>
    /// <value>The default is empty.</value>
    public IDictionary<string, string> Templates { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets how long one attempt holds a reply before another may try it (after a crash).</summary>
    /// <value>The default is two minutes. Must be between ten seconds and one hour, and longer than <see cref="AttemptTimeout"/>.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how long one publishing attempt may take before it counts as failed (its outcome unknown).</summary>
    /// <value>The default is 30 seconds. Must be between one second and ten minutes.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the first wait after a failed attempt; each further failure doubles it, up to <see cref="RetryMaxDelay"/>.</summary>
    /// <value>The default is ten seconds. Must be between one millisecond and one hour.</value>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the longest wait between attempts (a platform's <c>Retry-After</c> may ask for more).</summary>
    /// <value>The default is 15 minutes. Must be between one millisecond and one day.</value>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how long after it was queued a reply is still tried; later, it is given up (dead).</summary>
    /// <value>The default is one day. Must be between one second and 30 days.</value>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets the most attempts per reply.</summary>
    /// <value>The default is 10. Must be between 1 and 1,000.</value>
    [Range(1, 1_000)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Gets or sets how often the dispatcher looks for due replies when nothing wakes it.</summary>
    /// <value>The default is five seconds. Must be between 10 milliseconds and one hour.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
