using System.Runtime.CompilerServices;
using System.Text;

namespace Monitro.Text;

/// <summary>
/// Splits folded social text into typed tokens: words, hashtags and handles (with their parts), cashtags,
/// URLs (with host and registrable domain), e-mail addresses, emoji clusters and runs of unspaced scripts.
/// </summary>
/// <remarks>One pass over the text; every character is looked at a bounded number of times.</remarks>
internal static class SocialTokenizer
{
    private const char ZeroWidthJoiner = '\u200D';
    private const char VariationSelector16 = '\uFE0F';

    // The longest local part and domain of an e-mail address (RFC 5321).
    private const int MaxEmailLocalPart = 64;
    private const int MaxEmailDomain = 253;

    /// <summary>Tokenizes the folded text of <paramref name="analysis"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tokenize(TextAnalysis analysis)
    {
        var position = 0;
        TokenizeRange(analysis, 0, analysis.Text.Length, ref position);
        analysis.PositionCount = position;
    }

    /// <summary>
    /// Appends the tokens that start in [<paramref name="from"/>, <paramref name="to"/>) of the folded text,
    /// numbering word positions from <paramref name="position"/>.
    /// </summary>
    /// <remarks>
    /// No token contains a space, tab or line break, and every test that looks before or after a character treats
    /// one of them as it treats the start or end of the text. So a stretch that starts at the text's start or right
    /// after such a character and ends at the text's end or right before one yields exactly the tokens the whole text
    /// has there, its positions shifted by the positions of the text before it (<see cref="IsSeparator"/>).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TokenizeRange(TextAnalysis analysis, int from, int to, ref int position)
    {
        var text = analysis.Text;
        var n = to;
        var i = from;
        while (i < n)
        {
            var f = text.Folded;
            var c = f[i];
            int next;
            if (c == '#' && !PreviousIsWord(f, i) && TryHashtag(analysis, i, ref position, out next))
            {
                i = next;
                continue;
            }

            if (c == '@' && AtHandleStart(f, i) && TryHandle(analysis, i, ref position, out next))
            {
                i = next;
                continue;
            }

            if (c == '$' && AtCashtagStart(f, i) && TryCashtag(analysis, i, ref position, out next))
            {
                i = next;
                continue;
            }

            if ((c == 'h' || c == 'w') && AtLinkStart(f, i) && LinkScanner.TryParse(f, i, anyTopLevelDomain: false, out var keyStart, out var hostEnd, out var end))
            {
                AddUrlTokens(analysis, keyStart, hostEnd, end, position++, text.OriginalStart(i), text.OriginalEnd(end - 1) - text.OriginalStart(i));
                i = end;
                continue;
            }

            if (c == '.' && AtLeadingDot(f, i))
            {
                // .NET: the dotted name is a token of its own, at the position of the word after the dot.
                AddJoined(analysis, i, JoinedEnd(f, i + 1, out var words), position, words);
                i++;
                continue;
            }

            if (c < 0x80)
            {
                // Most characters of most posts: an ASCII letter or digit starts a word; no other ASCII character is
                // an emoji or of a script without spaces.
                i = char.IsAsciiLetterOrDigit(c) ? AddWordOrEmail(analysis, i, ref position) : i + 1;
                continue;
            }

            var rune = CharClass.RuneAt(f, i, out var length);
            if (CharClass.IsUnspacedScript(rune.Value))
            {
                i = AddRun(analysis, i, position++, isEntityPart: false);
            }
            else if (CharClass.IsEmoji(rune.Value))
            {
                i = AddEmoji(analysis, i, position++);
            }
            else if (CharClass.IsWordRune(rune))
            {
                i = AddWordOrEmail(analysis, i, ref position);
            }
            else
            {
                i += length;
            }
        }
    }

    /// <summary>
    /// Returns whether a character of folded text is one no token contains, and that every test of the characters
    /// around a token reads as the start or end of the text: a space, a tab or a line break (<see cref="TokenizeRange"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsSeparator(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>Adds the URL, host and domain tokens of a URL whose key spans [<paramref name="keyStart"/>, <paramref name="end"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddUrlTokens(TextAnalysis analysis, int keyStart, int hostEnd, int end, int position, int originalStart, int originalLength)
    {
        analysis.Add(new Token(TokenKind.Url, keyStart, end - keyStart, position, originalStart, originalLength));
        analysis.Add(new Token(TokenKind.Host, keyStart, hostEnd - keyStart, position, originalStart, originalLength));
        var host = analysis.Text.Slice(keyStart, hostEnd - keyStart);
        var domain = DomainNames.RegistrableDomain(host);
        analysis.Add(new Token(TokenKind.Domain, hostEnd - domain.Length, domain.Length, position, originalStart, originalLength));
    }

    /// <summary>
    /// Returns whether a word key is a joined term: letters joined with <c>#</c>, <c>+</c> or <c>.</c>
    /// (<c>c#</c>, <c>c++</c>, <c>.net</c>, <c>node.js</c>), which the tokenizer adds before the words it joins.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsJoined(ReadOnlySpan<char> key) => key.IndexOfAny('#', '+', '.') >= 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool PreviousIsWord(ReadOnlySpan<char> f, int i)
    {
        if (i == 0)
        {
            return false;
        }

        if (f[i - 1] < 0x80)
        {
            return char.IsAsciiLetterOrDigit(f[i - 1]) || f[i - 1] == '_';
        }

        // VS16 ends an emoji, not a word: ❤️#love.
        if (f[i - 1] == VariationSelector16)
        {
            return false;
        }

        var start = char.IsLowSurrogate(f[i - 1]) && i >= 2 ? i - 2 : i - 1;
        return CharClass.IsWordRune(CharClass.RuneAt(f, start, out _)) || f[i - 1] == '_';
    }

    // A word of a script written with spaces before i: text in Han, Kana or Thai runs straight into a handle or link.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool PreviousIsSpacedWord(ReadOnlySpan<char> f, int i)
    {
        if (!PreviousIsWord(f, i))
        {
            return false;
        }

        var start = char.IsLowSurrogate(f[i - 1]) && i >= 2 ? i - 2 : i - 1;
        return !CharClass.IsUnspacedScript(CharClass.RuneAt(f, start, out _).Value);
    }

    // A handle starts after a space, punctuation, text without spaces (の@user) or a retweet marker (RT@user),
    // not after characters that make it something else (f!@kn, a@@b).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AtHandleStart(ReadOnlySpan<char> f, int i)
    {
        if (i == 0)
        {
            return true;
        }

        if (f[i - 1] is '!' or '#' or '$' or '%' or '&' or '*' or '@')
        {
            return false;
        }

        return !PreviousIsSpacedWord(f, i) || (i >= 2 && f[i - 2] == 'r' && f[i - 1] == 't' && !PreviousIsWord(f, i - 2));
    }

    // A cashtag starts after a space or an opening bracket or quote ($OK$NG has one cashtag).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AtCashtagStart(ReadOnlySpan<char> f, int i) =>
        i == 0 || char.IsWhiteSpace(f[i - 1]) || f[i - 1] is '(' or '[' or '{' or '"' or '\'' or '\u201C';

    // A link does not continue a word, a handle, a hashtag, a cashtag, a path or a name (#http://x.com, $acme.com, a.b.com).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AtLinkStart(ReadOnlySpan<char> f, int i) =>
        i == 0 || (f[i - 1] is not ('@' or '#' or '$' or '_' or '-' or '.' or '/') && !PreviousIsSpacedWord(f, i));

    // A dot that starts a name (.NET), after a space, the start, or an opening bracket or quote.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AtLeadingDot(ReadOnlySpan<char> f, int i) =>
        i + 1 < f.Length && char.IsAsciiLetter(f[i + 1])
        && (i == 0 || char.IsWhiteSpace(f[i - 1]) || f[i - 1] is '(' or '[' or '{' or '"' or '\'' or '\u201C' or '/');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsWordAt(ReadOnlySpan<char> f, int i, out int length)
    {
        length = 0;
        if (i >= f.Length)
        {
            return false;
        }

        if (f[i] < 0x80)
        {
            length = 1;
            return char.IsAsciiLetterOrDigit(f[i]);
        }

        var rune = CharClass.RuneAt(f, i, out length);
        return CharClass.IsWordRune(rune);
    }

    // A word, unless the word is the local part of an e-mail address (only tried when an e-mail character follows)
    // or the start of a bare domain (acme.com); a term joined with # + . (c#, node.js) is added before its words.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddWordOrEmail(TextAnalysis analysis, int start, ref int position)
    {
        var f = analysis.Text.Folded;
        var end = WordEnd(f, start);
        if (end < f.Length && f[end] is '@' or '.' or '_' or '%' or '+' or '-' or '\'' && TryEmail(analysis, start, position) is var emailEnd && emailEnd > 0)
        {
            position++;
            return emailEnd;
        }

        if (end < f.Length && f[end] is '.' or '-' && TryBareLink(analysis, start, end, ref position, out var linkEnd))
        {
            return linkEnd;
        }

        if (end < f.Length && f[end] is '#' or '+' or '.' && !(start > 0 && f[start - 1] == '.' && PreviousIsWord(f, start - 1)))
        {
            var joinedEnd = JoinedEnd(f, start, out var words);
            if (joinedEnd > end)
            {
                AddJoined(analysis, start, joinedEnd, position, words);
            }
        }

        AddWord(analysis, start, end, position++);
        return end;
    }

    // The end of a term joined with marks that starts with a word at start: c#, f#, c++, node.js, asp.net.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int JoinedEnd(ReadOnlySpan<char> f, int start, out int words)
    {
        words = 1;
        var end = WordEnd(f, start);
        while (end + 1 < f.Length && f[end] == '.' && char.IsAsciiLetterOrDigit(f[end + 1]))
        {
            end = WordEnd(f, end + 1);
            words++;
        }

        var marks = end;
        while (marks < f.Length && marks - end < 2 && f[marks] is '#' or '+')
        {
            marks++;
        }

        return marks > end && !(marks < f.Length && (f[marks] is '#' or '+' || IsWordAt(f, marks, out _))) ? marks : end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddJoined(TextAnalysis analysis, int start, int end, int position, int words)
    {
        var text = analysis.Text;
        if (end - start < 2 || !IsJoined(text.Folded[start..end]))
        {
            return;
        }

        var originalStart = text.OriginalStart(start);
        analysis.Add(new Token(TokenKind.Word, start, end - start, position, originalStart, text.OriginalEnd(end - 1) - originalStart, PositionCount: words));
    }

    // A bare domain such as acme.com/blog: its URL, host and domain tokens, the dotted name, and the words of the host
    // (a brand is still a word in its own domain); the path is not words, as in any link.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryBareLink(TextAnalysis analysis, int start, int wordEnd, ref int position, out int end)
    {
        var text = analysis.Text;
        var f = text.Folded;
        end = 0;

        // The host begins after any letters of another script that run into it (한국twitter.com).
        var hostStart = start;
        for (var k = start; k < wordEnd;)
        {
            var rune = CharClass.RuneAt(f, k, out var length);
            k += length;
            if (!rune.IsAscii && !CharClass.IsLatinLetter(rune.Value) && !CharClass.IsMark(rune))
            {
                hostStart = k;
            }
        }

        if (hostStart == wordEnd || (hostStart == start && !AtLinkStart(f, start))
            || !LinkScanner.TryParseBare(f, hostStart, out var keyStart, out var hostEnd, out end))
        {
            return false;
        }

        if (hostStart > start)
        {
            AddWord(analysis, start, hostStart, position++);
        }

        var words = 0;
        for (var k = hostStart; k < hostEnd; k++)
        {
            words += IsWordAt(f, k, out _) && (k == hostStart || !IsWordAt(f, k - 1, out _)) ? 1 : 0;
        }

        AddJoined(analysis, hostStart, hostEnd, position, words);
        var originalStart = text.OriginalStart(hostStart);
        AddUrlTokens(analysis, keyStart, hostEnd, end, position, originalStart, text.OriginalEnd(end - 1) - originalStart);
        for (var k = hostStart; k < hostEnd;)
        {
            if (IsWordAt(f, k, out var length))
            {
                var wordStop = Math.Min(WordEnd(f, k), hostEnd);
                AddWord(analysis, k, wordStop, position++);
                k = wordStop;
            }
            else
            {
                k += length == 0 ? 1 : length;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WordEnd(ReadOnlySpan<char> f, int start)
    {
        var j = start;
        while (j < f.Length)
        {
            if (f[j] < 0x80 && f[j] != '\'')
            {
                if (!char.IsAsciiLetterOrDigit(f[j]))
                {
                    break;
                }

                j++;
                continue;
            }

            var rune = CharClass.RuneAt(f, j, out var length);
            if (CharClass.IsWordRune(rune) && !CharClass.IsUnspacedScript(rune.Value))
            {
                j += length;
            }
            else if (f[j] == '\'' && IsWordAt(f, j + 1, out _) && !CharClass.IsUnspacedScript(CharClass.RuneAt(f, j + 1, out _).Value))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddWord(TextAnalysis analysis, int start, int j, int position)
    {
        var text = analysis.Text;
        var f = text.Folded;
        var keyEnd = j;
        if (keyEnd - start > 2 && f[keyEnd - 2] == '\'' && f[keyEnd - 1] == 's')
        {
            keyEnd -= 2; // Possessive: Acme's is acme.
        }

        var originalStart = text.OriginalStart(start);
        analysis.Add(new Token(TokenKind.Word, start, keyEnd - start, position, originalStart, text.OriginalEnd(keyEnd - 1) - originalStart));
        return j;
    }

    // An address is tried at every word followed by an address character, so both scans stop at the longest part an
    // address may have: a run like a.a.a… or a-a-a… without an '@' costs a bounded amount per word, not the rest of the text.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TryEmail(TextAnalysis analysis, int start, int position)
    {
        var text = analysis.Text;
        var f = text.Folded;
        var at = start;
        var localLimit = Math.Min(f.Length, start + MaxEmailLocalPart);
        while (at < localLimit && (f[at] is '.' or '_' or '%' or '+' or '-' || IsWordAt(f, at, out _)))
        {
            at += char.IsHighSurrogate(f[at]) ? 2 : 1;
        }

        if (at >= f.Length || f[at] != '@' || at == start || f[at - 1] == '.')
        {
            return 0;
        }

        var end = at + 1;
        var lastDot = -1;
        var domainLimit = Math.Min(f.Length, at + 1 + MaxEmailDomain + 1);
        while (end < domainLimit && (f[end] is '.' or '-' || IsWordAt(f, end, out _)))
        {
            if (f[end] == '.')
            {
                lastDot = end;
            }

            end += char.IsHighSurrogate(f[end]) ? 2 : 1;
        }

        while (end > at + 1 && f[end - 1] is '.' or '-')
        {
            end--;
        }

        if (lastDot <= at + 1 || lastDot >= end - 1 || end - at - 1 > MaxEmailDomain)
        {
            return 0;
        }

        var originalStart = text.OriginalStart(start);
        analysis.Add(new Token(TokenKind.Email, start, end - start, position, originalStart, text.OriginalEnd(end - 1) - originalStart));
        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryHashtag(TextAnalysis analysis, int hash, ref int position, out int next)
    {
        var text = analysis.Text;
        var f = text.Folded;
        var end = hash + 1;
        var hasLetter = false;
        while (end < f.Length)
        {
            if (f[end] == '_' || (end > hash + 1 && IsHashtagJoiner(text, end)))
            {
                end++;
                continue;
            }

            if (!IsWordAt(f, end, out var length))
            {
                break;
            }

            hasLetter |= !char.IsDigit(f[end]) && f[end] != '_';
            end += length;
        }

        next = end;

        // #http://acme.com is a link after a '#', not a hashtag.
        if (!hasLetter || f[end..].StartsWith("://", StringComparison.Ordinal))
        {
            return false;
        }

        AddEntity(analysis, TokenKind.Hashtag, hash, end, end, ref position);
        next = SkipPossessive(f, end);
        return true;
    }

    // Characters that join the words of a hashtag in some languages: the Catalan middle dot (#il·lusió), the Hebrew
    // maqaf, geresh and gershayim, the Japanese wave dash and ditto marks, the Tibetan tsheg, the katakana middle dot.
    // The fullwidth tilde (#メ～テレ) folds to '~', which only joins when it was written fullwidth.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsHashtagJoiner(FoldedText text, int index) => text.Folded[index] switch
    {
        '\u00B7' or '\u05BE' or '\u05F3' or '\u05F4' or '\u301C' or '\u3003' or '\u0F0B' or '\u0F0C' or '\u30FB' or '\u30A0' or '\uA67E' => true,
        '~' => text.Original[text.OriginalStart(index)] == '\uFF5E',
        _ => false,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryHandle(TextAnalysis analysis, int at, ref int position, out int next)
    {
        // Handles are ASCII on every platform (a Bluesky handle is a domain name); text in a script without spaces may
        // follow straight away (@userに), a letter of another script may not (@aliceìnheiro is no handle).
        var text = analysis.Text;
        var f = text.Folded;
        var localEnd = at + 1;
        while (localEnd < f.Length && (char.IsAsciiLetterOrDigit(f[localEnd]) || f[localEnd] == '_'
            || (f[localEnd] == '.' && localEnd + 1 < f.Length && char.IsAsciiLetterOrDigit(f[localEnd + 1]))))
        {
            localEnd++;
        }

        next = localEnd;
        if (localEnd == at + 1 || f[localEnd..].StartsWith("://", StringComparison.Ordinal)
            || (IsWordAt(f, localEnd, out _) && !CharClass.IsUnspacedScript(CharClass.RuneAt(f, localEnd, out _).Value))
            || HasAccentedLatin(text.Original.AsSpan(text.OriginalStart(at), text.OriginalEnd(localEnd - 1) - text.OriginalStart(at))))
        {
            return false;
        }

        // A fediverse handle names its server: @jane@example.social. Another '@' without a server makes it no handle (@_@).
        var end = localEnd;
        if (end < f.Length && f[end] == '@')
        {
            var serverEnd = end + 1;
            while (serverEnd < f.Length && (f[serverEnd] is '-' || (f[serverEnd] == '.' && IsWordAt(f, serverEnd + 1, out _)) || IsWordAt(f, serverEnd, out _)))
            {
                serverEnd += char.IsHighSurrogate(f[serverEnd]) ? 2 : 1;
            }

            if (!f[(end + 1)..serverEnd].Contains('.'))
            {
                return false;
            }

            end = serverEnd;
        }

        AddEntity(analysis, TokenKind.Mention, at, localEnd, end, ref position);
        next = SkipPossessive(f, end);
        return true;
    }

    // Folding removes accents; a handle written with them is not one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasAccentedLatin(ReadOnlySpan<char> original)
    {
        foreach (var c in original)
        {
            if (c >= 0x80 && CharClass.IsLatinLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    // $ and 1 to 6 ASCII letters, optionally a '.' or '_' and 1 or 2 letters ($BRK.B, $RDS_A); not followed by a word character.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryCashtag(TextAnalysis analysis, int dollar, ref int position, out int next)
    {
        var text = analysis.Text;
        var f = text.Folded;
        var end = AsciiLettersEnd(f, dollar + 1, 7);
        next = end;
        if (end == dollar + 1 || end - dollar > 7)
        {
            return false;
        }

        if (end + 1 < f.Length && f[end] is '.' or '_' && AsciiLettersEnd(f, end + 1, 3) is var suffixEnd && suffixEnd > end + 1 && suffixEnd - end <= 3)
        {
            end = suffixEnd;
        }

        if (IsWordAt(f, end, out _))
        {
            return false;
        }

        var originalStart = text.OriginalStart(dollar);
        analysis.Add(new Token(TokenKind.Cashtag, dollar + 1, end - dollar - 1, position++, originalStart, text.OriginalEnd(end - 1) - originalStart));
        next = end;
        return true;
    }

    // The end of a run of ASCII letters from start, looking at most max letters.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AsciiLettersEnd(ReadOnlySpan<char> f, int start, int max)
    {
        var end = start;
        while (end < f.Length && end - start < max && char.IsAsciiLetter(f[end]))
        {
            end++;
        }

        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipPossessive(ReadOnlySpan<char> f, int end) =>
        end + 1 < f.Length && f[end] == '\'' && f[end + 1] == 's' && !IsWordAt(f, end + 2, out _) ? end + 2 : end;

    // Adds a hashtag or handle entity token and its parts (split at _, ., joiners, case changes, letter/digit and script changes).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddEntity(TextAnalysis analysis, TokenKind kind, int sigil, int partsEnd, int end, ref int position)
    {
        var text = analysis.Text;
        var f = text.Folded;
        var originalStart = text.OriginalStart(sigil);
        var entity = new Token(kind, sigil + 1, end - sigil - 1, position, originalStart, text.OriginalEnd(end - 1) - originalStart);
        var entityIndex = analysis.Tokens.Length;
        analysis.Add(entity);
        var partStart = sigil + 1;
        var previousClass = 0;
        var previousUpper = false;
        var k = sigil + 1;
        var parts = 0;
        while (k < partsEnd)
        {
            if (!IsWordAt(f, k, out _))
            {
                parts += AddPart(analysis, partStart, k, position + parts);
                partStart = k + 1;
                previousClass = 0;
                k++;
                continue;
            }

            var rune = CharClass.RuneAt(f, k, out var length);
            var runeClass = CharClass.IsUnspacedScript(rune.Value) ? 3 : char.IsDigit(f[k]) ? 2 : CharClass.IsMark(rune) ? previousClass : 1;
            var upper = text.WasUpper(k);
            var boundary = k > partStart && (
                runeClass != previousClass
                || (upper && !previousUpper)
                || (upper && previousUpper && NextIsLowerLetter(text, k + length, partsEnd)));
            if (boundary)
            {
                parts += AddPart(analysis, partStart, k, position + parts);
                partStart = k;
            }

            previousClass = runeClass;
            previousUpper = upper;
            k += length;
        }

        parts += AddPart(analysis, partStart, partsEnd, position + parts);

        // The entity covers the positions of its parts, so a word right after #AcmeCorp is next to it.
        analysis.Replace(entityIndex, entity with { PositionCount = Math.Max(1, parts) });
        position += Math.Max(1, parts);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool NextIsLowerLetter(FoldedText text, int index, int end) =>
        index < end && !text.WasUpper(index) && char.IsLetter(text.Folded[index]) && !CharClass.IsUnspacedScript(text.Folded[index]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddPart(TextAnalysis analysis, int start, int end, int position)
    {
        if (end <= start)
        {
            return 0;
        }

        var text = analysis.Text;
        var kind = CharClass.IsUnspacedScript(CharClass.RuneAt(text.Folded, start, out _).Value) ? TokenKind.Run : TokenKind.Word;
        var originalStart = text.OriginalStart(start);
        analysis.Add(new Token(kind, start, end - start, position, originalStart, text.OriginalEnd(end - 1) - originalStart, IsEntityPart: true));
        return 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddRun(TextAnalysis analysis, int start, int position, bool isEntityPart)
    {
        var text = analysis.Text;
        var f = text.Folded;
        var end = start;
        while (end < f.Length)
        {
            var rune = CharClass.RuneAt(f, end, out var length);
            if (!CharClass.IsUnspacedScript(rune.Value) && !(end > start && CharClass.IsMark(rune)))
            {
                break;
            }

            end += length;
        }

        var originalStart = text.OriginalStart(start);
        analysis.Add(new Token(TokenKind.Run, start, end - start, position, originalStart, text.OriginalEnd(end - 1) - originalStart, isEntityPart));
        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddEmoji(TextAnalysis analysis, int start, int position)
    {
        var text = analysis.Text;
        var f = text.Folded;
        var first = CharClass.RuneAt(f, start, out var end);
        end += start;
        if (CharClass.IsRegionalIndicator(first.Value))
        {
            if (end < f.Length && CharClass.IsRegionalIndicator(CharClass.RuneAt(f, end, out var second).Value))
            {
                end += second;
            }
        }
        else
        {
            while (end < f.Length)
            {
                var rune = CharClass.RuneAt(f, end, out var length);
                if (CharClass.IsSkinTone(rune.Value) || rune.Value is VariationSelector16 or 0x20E3 || CharClass.IsEmojiTag(rune.Value))
                {
                    end += length;
                }
                else if (rune.Value == ZeroWidthJoiner && end + 1 < f.Length && CharClass.IsEmoji(CharClass.RuneAt(f, end + 1, out var joined).Value))
                {
                    end += 1 + joined;
                }
                else
                {
                    break;
                }
            }
        }

        var originalStart = text.OriginalStart(start);
        var originalLength = text.OriginalEnd(end - 1) - originalStart;
        var hasSkinTone = ContainsSkinTone(f[start..end]);
        var full = AddEmojiKey(analysis, start, end, keepSkinTones: true);
        analysis.Add(new Token(TokenKind.Emoji, full.Start, full.Length, position, originalStart, originalLength));
        if (hasSkinTone)
        {
            var bare = AddEmojiKey(analysis, start, end, keepSkinTones: false);
            analysis.Add(new Token(TokenKind.Emoji, bare.Start, bare.Length, position, originalStart, originalLength));
        }

        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ContainsSkinTone(ReadOnlySpan<char> cluster)
    {
        foreach (var rune in cluster.EnumerateRunes())
        {
            if (CharClass.IsSkinTone(rune.Value))
            {
                return true;
            }
        }

        return false;
    }

    // The key of an emoji cluster: without VS16, and without skin tones unless asked to keep them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Start, int Length) AddEmojiKey(TextAnalysis analysis, int start, int end, bool keepSkinTones)
    {
        var cluster = analysis.Text.Folded[start..end];
        if (!cluster.Contains(VariationSelector16) && (keepSkinTones || !ContainsSkinTone(cluster)))
        {
            return (start, end - start);
        }

        Span<char> buffer = stackalloc char[Math.Min(cluster.Length, 256)];
        var written = 0;
        foreach (var rune in cluster.EnumerateRunes())
        {
            if (rune.Value == VariationSelector16 || (!keepSkinTones && CharClass.IsSkinTone(rune.Value)) || written + 2 > buffer.Length)
            {
                continue;
            }

            written += rune.EncodeToUtf16(buffer[written..]);
        }

        return (analysis.Text.AppendDerived(buffer[..written]), written);
    }
}
