using System.Text.RegularExpressions;

namespace Monitro.Replies;

/// <summary>Fills the <c>{placeholder}</c>s of a saved reply; a placeholder without a value is an error, never left in the text.</summary>
internal static partial class ReplyTemplates
{
    public static string Render(string name, string template, IReadOnlyDictionary<string, string> values)
    {
        var missing = new List<string>();
        var text = Placeholder().Replace(template, match =>
        {
            var key = match.Groups["name"].Value;
            if (values.TryGetValue(key, out var value))
            {
                return value;
            }

            missing.Add(key);
            return match.Value;
        });
        return missing.Count == 0
            ? text
            : throw new ArgumentException($"The template '{name}' needs a value for: {string.Join(", ", missing.Distinct(StringComparer.Ordinal))}.", nameof(values));
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
