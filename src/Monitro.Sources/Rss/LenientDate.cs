using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitro.Sources.Rss;

/// <summary>
/// Parses the dates feeds really contain: RFC 822 with or without the day name, single-digit days, two-digit years,
/// named zones (GMT, EST, CET, …), numeric offsets with or without a colon, and RFC 3339 / ISO 8601.
/// </summary>
internal static partial class LenientDate
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+00:00", ["UTC"] = "+00:00", ["GMT"] = "+00:00", ["Z"] = "+00:00", ["WET"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
        ["BST"] = "+01:00", ["CET"] = "+01:00", ["CEST"] = "+02:00", ["MET"] = "+01:00", ["MEST"] = "+02:00",
        ["EET"] = "+02:00", ["EEST"] = "+03:00", ["WEST"] = "+01:00", ["IST"] = "+05:30", ["JST"] = "+09:00",
        ["AEST"] = "+10:00", ["AEDT"] = "+11:00",
    };

    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
        "d MMMM yyyy HH:mm:ss zzz", "d MMM yyyy H:mm:ss zzz",
    ];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso) &&
            (text.Contains('T', StringComparison.Ordinal) || text.Contains('-', StringComparison.Ordinal)) && !char.IsLetter(text[0]))
        {
            return iso;
        }

        var match = Rfc822().Match(text);
        if (match.Success)
        {
            var zone = match.Groups["zone"].Value;
            var offset = zone.Length == 0 ? "+00:00"
                : Zones.TryGetValue(zone, out var named) ? named
                : zone.Length == 5 ? string.Concat(zone.AsSpan(0, 3), ":", zone.AsSpan(3))
                : zone;
            var candidate = $"{match.Groups["day"].Value} {match.Groups["month"].Value} {match.Groups["year"].Value} {match.Groups["time"].Value} {offset}";
            if (DateTimeOffset.TryParseExact(candidate, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var rfc))
            {
                return rfc;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any) ? any : null;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{2,9},?\s+)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3,9})\.?\s+(?<year>\d{2,4})\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();
}
