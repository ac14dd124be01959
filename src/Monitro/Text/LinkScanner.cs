using System.Runtime.CompilerServices;

namespace Monitro.Text;

/// <summary>
/// Recognizes links in folded text: <c>http://</c>, <c>https://</c> and <c>www.</c> addresses, and bare domains
/// such as <c>acme.com/pricing</c> whose top-level domain is known.
/// </summary>
/// <remarks>
/// Host names follow DNS: labels of at most 63 characters that neither start nor end with <c>-</c> or <c>_</c>, an
/// underscore only in subdomains. A host that runs into text of another script (<c>example.comだよね</c>) ends
/// where the script changes after a known top-level domain. Every character is looked at a bounded number of times.
/// </remarks>
internal static class LinkScanner
{
    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;
    private const int MaxShortLinkSlug = 40;
    private const int MaxScriptCutTries = 8;

    /// <summary>
    /// Recognizes an address starting with <c>http://</c>, <c>https://</c> or <c>www.</c> at <paramref name="start"/>;
    /// its key (without scheme and <c>www.</c>) is [<paramref name="keyStart"/>, <paramref name="end"/>) and its host ends at <paramref name="hostEnd"/>.
    /// </summary>
    /// <param name="f">The folded text.</param>
    /// <param name="start">Where the scheme or <c>www.</c> starts.</param>
    /// <param name="anyTopLevelDomain">Whether any top-level domain of two or more letters is accepted (a link the platform reported).</param>
    /// <param name="keyStart">The start of the key.</param>
    /// <param name="hostEnd">The end of the host.</param>
    /// <param name="end">The end of the link.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> f, int start, bool anyTopLevelDomain, out int keyStart, out int hostEnd, out int end)
    {
        hostEnd = end = 0;
        var rest = f[start..];
        var hasScheme = true;
        if (rest.StartsWith("https://", StringComparison.Ordinal))
        {
            keyStart = start + 8;
        }
        else if (rest.StartsWith("http://", StringComparison.Ordinal))
        {
            keyStart = start + 7;
        }
        else if (rest.StartsWith("www.", StringComparison.Ordinal))
        {
            keyStart = start;
            hasScheme = false;
        }
        else
        {
            keyStart = 0;
            return false;
        }

        if (f[keyStart..].StartsWith("www.", StringComparison.Ordinal))
        {
            keyStart += 4;
        }

        // After a scheme the host may be in any script; any top-level domain of two or more letters is taken,
        // unless the host runs into another script, where only a known one ends it.
        var scanEnd = ScanHost(f, keyStart, anyScript: true);
        hostEnd = HostEnd(f, start: hasScheme ? keyStart : start, keyStart, scanEnd, lenient: hasScheme || anyTopLevelDomain);
        if (hostEnd < 0)
        {
            return false;
        }

        end = PathEnd(f, keyStart, hostEnd);
        return end > 0;
    }

    /// <summary>Recognizes a bare domain (with an optional path) whose host starts at <paramref name="start"/>, such as <c>acme.com/blog</c>.</summary>
    /// <param name="f">The folded text.</param>
    /// <param name="start">Where the host starts.</param>
    /// <param name="keyStart">The start of the key (after a leading <c>www.</c>).</param>
    /// <param name="hostEnd">The end of the host.</param>
    /// <param name="end">The end of the link.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseBare(ReadOnlySpan<char> f, int start, out int keyStart, out int hostEnd, out int end)
    {
        end = 0;
        keyStart = f[start..].StartsWith("www.", StringComparison.Ordinal) ? start + 4 : start;
        var scanEnd = ScanHost(f, start, anyScript: false);
        hostEnd = HostEnd(f, start, start, scanEnd, lenient: false);

        // A name before '@' is the local part of an e-mail address (john.doe.gov@mail.com).
        if (hostEnd < 0 || (hostEnd < f.Length && f[hostEnd] == '@'))
        {
            return false;
        }

        end = PathEnd(f, keyStart, hostEnd);
        return end > 0;
    }

    // Characters of a host name: letters, digits and marks (in bare domains only of scripts written with spaces), '-', '_', '.'.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ScanHost(ReadOnlySpan<char> f, int start, bool anyScript)
    {
        var end = start;
        var limit = Math.Min(f.Length, start + MaxHostLength + 1);
        while (end < limit)
        {
            var c = f[end];
            if (c < 0x80)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' || (c == '_' && anyScript)))
                {
                    break;
                }

                end++;
                continue;
            }

            var rune = CharClass.RuneAt(f, end, out var length);
            if (!CharClass.IsWordRune(rune) || (!anyScript && CharClass.IsUnspacedScript(rune.Value)))
            {
                break;
            }

            end += length;
        }

        while (end > start && f[end - 1] is '.' or '-' or '_')
        {
            end--;
        }

        return end;
    }

    // The end of a valid host in [hostStart, scanEnd): the whole of it, or else the longest part that ends where
    // ASCII meets another script after a known top-level domain; -1 when there is none.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int HostEnd(ReadOnlySpan<char> f, int start, int hostStart, int scanEnd, bool lenient)
    {
        if (scanEnd - start > MaxHostLength)
        {
            return -1;
        }

        var mixed = false;
        for (var k = hostStart + 1; k < scanEnd && !mixed; k++)
        {
            mixed = (f[k - 1] < 0x80) != (f[k] < 0x80);
        }

        if (IsValidHost(f[hostStart..scanEnd], lenient && !mixed))
        {
            return scanEnd;
        }

        // Only a few cut points are tried, so hostile text that mixes scripts at every other letter stays linear.
        var tries = MaxScriptCutTries;
        for (var k = scanEnd - 1; k > hostStart && mixed && tries > 0; k--)
        {
            if (f[k - 1] < 0x80 && f[k] >= 0x80)
            {
                tries--;
                if (IsValidHost(f[hostStart..k], lenient: false))
                {
                    return k;
                }
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsValidHost(ReadOnlySpan<char> host, bool lenient)
    {
        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return false;
        }

        // One pass over the labels: the domain label is the one that ends at the last dot, so no label looks ahead.
        var labels = 0;
        var offset = 0;
        while (true)
        {
            var dot = host[offset..].IndexOf('.');
            var isTopLevel = dot < 0;
            var label = isTopLevel ? host[offset..] : host.Slice(offset, dot);
            var isDomain = !isTopLevel && offset + dot == lastDot;
            if (!IsValidLabel(label, allowUnderscore: !isTopLevel && !isDomain))
            {
                return false;
            }

            labels++;
            if (isTopLevel)
            {
                return labels >= 2 && IsTopLevelDomain(label, lenient);
            }

            offset += dot + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsValidLabel(ReadOnlySpan<char> label, bool allowUnderscore)
    {
        if (label.Length == 0 || label.Length > MaxLabelLength || label[0] is '-' or '_' || label[^1] is '-' or '_')
        {
            return false;
        }

        if (!allowUnderscore && label.Contains('_'))
        {
            return false;
        }

        // Punycode labels are ASCII by definition (xn--はじめよう is not one).
        return !label.StartsWith("xn--", StringComparison.Ordinal) || !label.ContainsAnyExceptInRange('\0', '\u007F');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsTopLevelDomain(ReadOnlySpan<char> label, bool lenient)
    {
        if (TopLevelDomains.IsKnown(label) || TopLevelDomains.IsInternationalized(label))
        {
            return true;
        }

        return lenient && label.Length >= 2 && !label.ContainsAnyExceptInRange('a', 'z');
    }

    // The end of the link after its host: a port, a path, a query and a fragment, without trailing punctuation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PathEnd(ReadOnlySpan<char> f, int keyStart, int hostEnd)
    {
        var end = hostEnd;
        if (end + 1 < f.Length && f[end] == ':' && char.IsAsciiDigit(f[end + 1]))
        {
            end++;
            while (end < f.Length && char.IsAsciiDigit(f[end]) && end - hostEnd <= 6)
            {
                end++;
            }
        }

        if (end >= f.Length || f[end] is not ('/' or '?' or '#'))
        {
            return end;
        }

        // Short links (t.co/abc123) have a slug of letters and digits; what follows it is text, not the link.
        if (f[keyStart..hostEnd] is "t.co" && f[end] == '/')
        {
            var slugEnd = end + 1;
            while (slugEnd < f.Length && slugEnd - end - 1 <= MaxShortLinkSlug && char.IsAsciiLetterOrDigit(f[slugEnd]))
            {
                slugEnd++;
            }

            if (slugEnd - end - 1 > MaxShortLinkSlug)
            {
                return -1;
            }

            if (slugEnd >= f.Length || f[slugEnd] != '?')
            {
                return slugEnd;
            }

            end = slugEnd;
        }

        while (end < f.Length && IsPathChar(f, end, out var length))
        {
            end += length;
        }

        return TrimTrailing(f, hostEnd, end);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPathChar(ReadOnlySpan<char> f, int index, out int length)
    {
        var c = f[index];
        length = 1;
        if (c < 0x80)
        {
            return c > ' ' && c < '\u007F' && c is not ('<' or '>' or '"' or '`');
        }

        if (c == '\u2013')
        {
            return true;
        }

        // Paths in Latin, Greek and Cyrillic letters are common; text in other scripts right after a link is not part of it.
        var rune = CharClass.RuneAt(f, index, out length);
        return CharClass.IsLatinLetter(rune.Value) || (rune.Value >= 0x0370 && rune.Value <= 0x052F) || CharClass.IsMark(rune);
    }

    // Punctuation that ends a sentence is not part of the link; a closing bracket is, when the link opened it (Primer_(film)).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TrimTrailing(ReadOnlySpan<char> f, int hostEnd, int end)
    {
        var path = f[hostEnd..end];
        var unclosed = path.Count('(') - path.Count(')');
        var unclosedSquare = path.Count('[') - path.Count(']');
        var unclosedCurly = path.Count('{') - path.Count('}');
        while (end > hostEnd)
        {
            switch (f[end - 1])
            {
                case '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '\u2026':
                    break;
                case ')' when unclosed < 0:
                    unclosed++;
                    break;
                case ']' when unclosedSquare < 0:
                    unclosedSquare++;
                    break;
                case '}' when unclosedCurly < 0:
                    unclosedCurly++;
                    break;
                default:
                    return end;
            }

            end--;
        }

        return end;
    }
}
