using System.ComponentModel.DataAnnotations;

namespace Monitro.Sources;

/// <summary>Options every Monitro source shares: where the first run starts and when the source counts as unhealthy.</summary>
public abstract class ListeningSourceOptions
{
    /// <summary>Gets or sets where the source starts when it has no checkpoint yet.</summary>
    /// <value>The default is <see cref="FirstRunMode.StartNow"/>.</value>
    public FirstRunMode FirstRun { get; set; } = FirstRunMode.StartNow;

    /// <summary>Gets or sets the time the first run reads from when <see cref="FirstRun"/> is <see cref="FirstRunMode.Since"/>.</summary>
    /// <value>The default is <see langword="null"/>. Required when <see cref="FirstRun"/> is <see cref="FirstRunMode.Since"/>.</value>
    public DateTimeOffset? FirstRunSince { get; set; }

    /// <summary>Gets or sets how long the source may deliver no post before its health reports it as silent.</summary>
    /// <value>The default is six hours. Must be between one second and 90 days.</value>
    public TimeSpan SilenceThreshold { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Gets or sets how many failures in a row make the source's health report it as failing.</summary>
    /// <value>The default is 3. Must be between 1 and 1,000.</value>
    [Range(1, 1_000)]
    public int FailureThreshold { get; set; } = 3;
}
