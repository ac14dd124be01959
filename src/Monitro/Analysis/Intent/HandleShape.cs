namespace Monitro.Analysis.Intent;

/// <summary>
/// Tells a person's handle from a company's by its shape alone, where it can: people pick handles such as
/// <c>@jess_m92</c>, <c>@sam_okoro</c> or <c>@ellaaa</c> (lower case, a first name with an initial or a surname after an
/// underscore, a year or a number at the end, a letter drawn out); companies pick <c>@StreamoraUK</c>,
/// <c>@Brightshield</c> or <c>@hulu_support</c> (capitals, a care or country word).
/// </summary>
/// <remarks>
/// Only handles with a person's marks are read as a person's; any other handle, including a bare lower-case word
/// (<c>@tidewell</c>, <c>@sam</c>) or a placeholder such as <c>@USER</c>, may be a company's and is read as one, so a
/// complaint to a company whose handle looks plain is still read as addressed.
/// </remarks>
internal static class HandleShape
{
    // Parts of a handle that only companies' accounts use: customer care, official accounts, countries.
    private static readonly HashSet<string> CompanyParts = new(StringComparer.Ordinal)
    {
        "support", "help", "helps", "care", "cares", "service", "services", "team", "official", "news", "uk", "us",
        "usa", "hq", "info", "ask", "assist", "desk", "customer", "customers", "global", "online", "app", "store",
        "shop", "live", "tv", "inc", "ltd", "co", "group", "gov",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompanyPartLookup = CompanyParts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns whether a handle, as written (without the <c>@</c>), has the marks of a person's.</summary>
    /// <param name="handle">The handle: letters, digits and underscores.</param>
    /// <returns><see langword="true"/> when the handle looks like a person's.</returns>
    public static bool LooksLikePerson(ReadOnlySpan<char> handle)
    {
        if (handle.IsEmpty || HasCompanyMarks(handle))
        {
            return false;
        }

        return handle.Contains('_') || EndsWithNumber(handle) || HasDrawnOutLetter(handle);
    }

    /// <summary>Returns whether a handle, as written (without the <c>@</c>), has a company's marks: capitals, or a care, official or country word among its parts.</summary>
    /// <param name="handle">The handle: letters, digits and underscores.</param>
    /// <returns><see langword="true"/> when the handle looks like a company's.</returns>
    public static bool HasCompanyMarks(ReadOnlySpan<char> handle)
    {
        if (handle.ContainsAnyInRange('A', 'Z'))
        {
            return true;
        }

        foreach (var range in handle.Split('_'))
        {
            if (CompanyPartLookup.Contains(handle[range]))
            {
                return true;
            }
        }

        return false;
    }

    // "tom_harris88", "kirsty94": a year or a number after a name; companies rarely end in two digits.
    private static bool EndsWithNumber(ReadOnlySpan<char> handle) =>
        handle.Length > 3 && char.IsAsciiDigit(handle[^1]) && char.IsAsciiDigit(handle[^2]) && char.IsAsciiLetter(handle[0]);

    // "ellaaa", "mikeyyy": a letter written three times over.
    private static bool HasDrawnOutLetter(ReadOnlySpan<char> handle)
    {
        for (var i = 2; i < handle.Length; i++)
        {
            if (char.IsAsciiLetter(handle[i]) && handle[i] == handle[i - 1] && handle[i] == handle[i - 2])
            {
                return true;
            }
        }

        return false;
    }
}
