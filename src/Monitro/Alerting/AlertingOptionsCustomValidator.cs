using System.Globalization;
using Microsoft.Extensions.Options;

namespace Monitro.Alerting;

/// <summary>Validates what attributes cannot in <see cref="AlertingOptions"/>: the check interval, unique rule names, known modes, sentiment bounds in order, kind patterns, blank list entries and a spike rule's time ranges; every failure names the rule.</summary>
internal sealed class AlertingOptionsCustomValidator : IValidateOptions<AlertingOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.CheckInterval < TimeSpan.FromSeconds(1) || options.CheckInterval > TimeSpan.FromHours(1))
        {
            failures.Add(Invariant($"Alerting:CheckInterval is {options.CheckInterval}; it must be between 00:00:01 and 01:00:00."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            if (rule is null)
            {
                failures.Add(Invariant($"Alerting:Rules:{i} is empty."));
                continue;
            }

            var label = string.IsNullOrWhiteSpace(rule.Name) ? Invariant($"Alerting:Rules:{i}") : Invariant($"Alerting rule '{rule.Name}'");
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                failures.Add(label + ": Name is required (it keys the rule's digests).");
            }
            else if (!names.Add(rule.Name))
            {
                failures.Add(label + ": the name is used by another rule; names must be unique.");
            }

            ValidateRule(rule, label, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateRule(AlertRuleOptions rule, string label, List<string> failures)
    {
        if (!Enum.IsDefined(rule.Mode))
        {
            failures.Add(label + ": Mode must be Immediate, Digest or Spike.");
        }

        if (!Enum.IsDefined(rule.Period))
        {
            failures.Add(label + ": Period must be Hourly or Daily.");
        }

        if (rule.MinSentiment > rule.MaxSentiment)
        {
            failures.Add(Invariant($"{label}: MinSentiment ({rule.MinSentiment}) is above MaxSentiment ({rule.MaxSentiment}); no mention could match."));
        }

        foreach (var kind in rule.Kinds)
        {
            if (string.IsNullOrWhiteSpace(kind) || kind.IndexOf('*', StringComparison.Ordinal) is var star && star >= 0 && star != kind.Length - 1)
            {
                failures.Add(Invariant($"{label}: Kinds has '{kind}'; use an exact kind such as 'mention' or a prefix ending in '*' such as 'relationship.*'."));
            }
        }

        NoBlanks(rule.Watches, "Watches", label, failures);
        NoBlanks(rule.Languages, "Languages", label, failures);
        NoBlanks(rule.Sources, "Sources", label, failures);
        NoBlanks(rule.Roles, "Roles", label, failures);
        if (rule.Mode != AlertMode.Spike)
        {
            return;
        }

        if (rule.SpikeWindow < TimeSpan.FromMinutes(1) || rule.SpikeWindow > TimeSpan.FromDays(7))
        {
            failures.Add(Invariant($"{label}: SpikeWindow is {rule.SpikeWindow}; it must be between 00:01:00 and 7.00:00:00."));
        }

        if (rule.Cooldown < TimeSpan.Zero || rule.Cooldown > TimeSpan.FromDays(30))
        {
            failures.Add(Invariant($"{label}: Cooldown is {rule.Cooldown}; it must be between 00:00:00 and 30.00:00:00."));
        }
    }

    private static void NoBlanks(IList<string> values, string option, string label, List<string> failures)
    {
        if (values.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add(label + ": " + option + " has an empty entry.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
