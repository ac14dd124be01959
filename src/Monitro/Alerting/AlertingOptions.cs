using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Monitro;

/// <summary>
/// The alert rules. With no rule, every mention is one immediate alert. Rules can be changed while Monitro runs
/// (reload the configuration, or <c>IOptionsMonitor</c> change notifications): the next batch uses them.
/// </summary>
public sealed class AlertingOptions
{
    /// <summary>Gets the rules; an alert is sent when at least one rule takes it.</summary>
    [ValidateEnumeratedItems]
    public IList<AlertRuleOptions> Rules { get; } = [];

    /// <summary>Gets or sets how often digests and spikes are checked (1 second to 1 hour); one minute by default.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets whether a post withdrawn by its source raises a <see cref="AlertKinds.MentionRetracted"/> alert (for CRMs that remove the activity); off by default.</summary>
    public bool RaiseRetractionAlerts { get; set; }
}
