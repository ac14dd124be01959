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

    /// <summary>Tokenizes the folded text of <paramref name="analysis"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tokenize(TextAnalysis analysis)
    {
        var text = analysis.Text;
        var n = text.Length;
        var position = 0;
        var i = 0;
        while (i < n)
        {
            var f = text.Folded;
            var c = f[i];
            var atBoundary = !PreviousIsWord(f, i);
            int next;
            if (atBoundary && c == '#' && TryHashtag(analysis, i, ref position, out next))
            {
                i = next;
                continue;
            }

            if (atBoundary && c == '@' && TryHandle(analysis, i, ref position, out next))
            {
                i = next;
                continue;
            }

            if (atBoundary && c == '$' && TryCashtag(analysis, i, ref position, out next))
            {
                i = next;
                continue;
            }

            if (atBoundary && (c == 'h' || c == 'w') && TryParseUrl(f, i, out var keyStart, out var end, out var hostEnd))
            {
                AddUrlTokens(analysis, keyStart, hostEnd, end, position++, text.OriginalStart(i), text.OriginalEnd(end - 1) - text.OriginalStart(i));
                i = end;
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
                i = AddWordOrEmail(analysis, i, position);
                position++;
            }
            else
            {
                i += length;
            }
        }

        analysis.PositionCount = position;
    }

    /// <summary>Adds the URL, host and domain tokens of a URL whose key spans [<paramref name="keyStart"/>, <paramref name="end"/>).</summary>
    public static void AddUrlTokens(TextAnalysis analysis, int keyStart, int hostEnd, int end, int position, int originalStart, int originalLength)
    {
        analysis.Add(new Token(TokenKind.Url, keyStart, end - keyStart, position, originalStart, originalLength));
        analysis.Add(new Token(TokenKind.Host, keyStart, hostEnd - keyStart, position, originalStart, originalLength));
        var host = analysis.Text.Slice(keyStart, hostEnd - keyStart);
        var domain = DomainNames.RegistrableDomain(host);
        analysis.Add(new Token(TokenKind.Domain, hostEnd - domain.Length, domain.Length, position, originalStart, originalLength));
    }

    /// <summary>
    /// Recognizes a URL starting with <c>http://</c>, <c>https://</c> or <c>www.</c> at <paramref name="start"/>;
    /// its key (without scheme and <c>www.</c>) is [<paramref name="keyStart"/>, <paramref name="end"/>) and its host ends at <paramref name="hostEnd"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseUrl(ReadOnlySpan<char> f, int start, out int keyStart, out int end, out int hostEnd)
    {
        keyStart = end = hostEnd = 0;
        var rest = f[start..];
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
        }
        else
        {
            return false;
        }

        if (f[keyStart..].StartsWith("www.", StringComparison.Ordinal))
        {
            keyStart += 4;
        }

        end = keyStart;
        while (end < f.Length && !char.IsWhiteSpace(f[end]) && f[end] is not ('<' or '>' or '"' or '\u201C' or '\u201D'))
        {
            end++;
        }

        while (end > keyStart && f[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\'' or '"' or '\u2026')
        {
            end--;
        }

        hostEnd = keyStart;
        while (hostEnd < end && f[hostEnd] is not ('/' or '?' or '#' or ':'))
        {
            hostEnd++;
        }

        var host = f[keyStart..hostEnd];
        var dot = host.IndexOf('.');
        return dot > 0 && dot < host.Length - 1;
    }

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

        var start = char.IsLowSurrogate(f[i - 1]) && i >= 2 ? i - 2 : i - 1;
        return CharClass.IsWordRune(CharClass.RuneAt(f, start, out _)) || f[i - 1] == '_';
    }

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

    // A word, unless the word is the local part of an e-mail address (only tried when an e-mail character follows).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddWordOrEmail(TextAnalysis analysis, int start, int position)
    {
        var f = analysis.Text.Folded;
        var end = WordEnd(f, start);
        if (end < f.Length && f[end] is '@' or '.' or '_' or '%' or '+' or '-' or '\'' && TryEmail(analysis, start, position) is var emailEnd && emailEnd > 0)
        {
            return emailEnd;
        }

        return AddWord(analysis, start, end, position);
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

    private static int TryEmail(TextAnalysis analysis, int start, int position)
    {
        var text = analysis.Text;
        var f = text.Folded;
        var at = start;
        while (at < f.Length && (f[at] is '.' or '_' or '%' or '+' or '-' || IsWordAt(f, at, out _)))
        {
            at += char.IsHighSurrogate(f[at]) ? 2 : 1;
        }

        if (at >= f.Length || f[at] != '@' || at == start || f[at - 1] == '.')
        {
            return 0;
        }

        var end = at + 1;
        var lastDot = -1;
        while (end < f.Length && (f[end] is '.' or '-' || IsWordAt(f, end, out _)))
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

        if (lastDot <= at + 1 || lastDot >= end - 1)
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
        var f = analysis.Text.Folded;
        var end = hash + 1;
        var hasNonDigit = false;
        while (end < f.Length)
        {
            if (f[end] == '_')
            {
                end++;
                continue;
            }

            if (!IsWordAt(f, end, out var length))
            {
                break;
            }

            hasNonDigit |= !char.IsDigit(f[end]);
            end += length;
        }

        next = end;
        if (!hasNonDigit)
        {
            return false;
        }

        AddEntity(analysis, TokenKind.Hashtag, hash, end, end, ref position);
        next = SkipPossessive(f, end);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryHandle(TextAnalysis analysis, int at, ref int position, out int next)
    {
        var f = analysis.Text.Folded;
        var localEnd = at + 1;
        while (localEnd < f.Length)
        {
            if (f[localEnd] == '_' || (f[localEnd] == '.' && IsWordAt(f, localEnd + 1, out _)))
            {
                localEnd++;
            }
            else if (IsWordAt(f, localEnd, out var length))
            {
                localEnd += length;
            }
            else
            {
                break;
            }
        }

        next = localEnd;
        if (localEnd == at + 1)
        {
            return false;
        }

        // A fediverse handle names its server: @jane@example.social.
        var end = localEnd;
        if (end < f.Length && f[end] == '@')
        {
            var serverEnd = end + 1;
            while (serverEnd < f.Length && (f[serverEnd] is '-' || (f[serverEnd] == '.' && IsWordAt(f, serverEnd + 1, out _)) || IsWordAt(f, serverEnd, out _)))
            {
                serverEnd += char.IsHighSurrogate(f[serverEnd]) ? 2 : 1;
            }

            if (f[(end + 1)..serverEnd].Contains('.'))
            {
                end = serverEnd;
            }
        }

        AddEntity(analysis, TokenKind.Mention, at, localEnd, end, ref position);
        next = SkipPossessive(f, end);
        return true;
    }

    private static bool TryCashtag(TextAnalysis analysis, int dollar, ref int position, out int next)
    {
        var text = analysis.Text;
        var f = text.Folded;
        var end = dollar + 1;
        while (end < f.Length && end - dollar <= 6 && char.IsAsciiLetter(f[end]))
        {
            end++;
        }

        next = end;
        if (end == dollar + 1 || end - dollar > 6 || IsWordAt(f, end, out _))
        {
            return false;
        }

        var originalStart = text.OriginalStart(dollar);
        analysis.Add(new Token(TokenKind.Cashtag, dollar + 1, end - dollar - 1, position++, originalStart, text.OriginalEnd(end - 1) - originalStart));
        return true;
    }

    private static int SkipPossessive(ReadOnlySpan<char> f, int end) =>
        end + 1 < f.Length && f[end] == '\'' && f[end + 1] == 's' && !IsWordAt(f, end + 2, out _) ? end + 2 : end;

    // Adds a hashtag or handle entity token and its parts (split at _, ., case changes, letter/digit and script changes).
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
            if (f[k] is '_' or '.')
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
