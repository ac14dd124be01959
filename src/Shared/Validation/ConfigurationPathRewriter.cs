using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitro.Validation.Shared;

/// <summary>Turns the member paths in a validation failure into configuration paths.</summary>
internal static partial class ConfigurationPathRewriter
{
    /// <summary>Rewrites one failure message; text that names no member of these options is left as it is.</summary>
    public static string Rewrite(string failure, string prefix, string section)
    {
        var property = PropertyPrefix().Match(failure);
        if (property.Success)
        {
            // ValidateOptionsResultBuilder.AddError(error, property) writes "Property <member>: <error>".
            var member = property.Groups["member"].Value;
            failure = "Property " + section + ":" + ToConfigurationPath(member) + failure[(property.Length - 2)..];
        }

        var qualified = new Regex(@"(?<![\w.:])" + Regex.Escape(prefix) + @"(?<path>(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return qualified.Replace(failure, match => section + ToConfigurationPath(match.Groups["path"].Value));
    }

    // ".Rules[1].TopCount" → ":Rules:1:TopCount"; "Secret" → "Secret".
    private static string ToConfigurationPath(string memberPath) => MemberStep().Replace(memberPath, static step =>
        step.Groups["index"].Success
            ? ":" + step.Groups["index"].Value
            : step.Value.StartsWith('.') ? ":" + step.Value[1..] : step.Value).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Property (?<member>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*): ", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyPrefix();

    [GeneratedRegex(@"\[(?<index>\d+)\]|\.[A-Za-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex MemberStep();
}
