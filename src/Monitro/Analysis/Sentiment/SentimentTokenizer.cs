using System.Buffers;
using System.Globalization;
using Monitro.Text;
using System.Runtime.CompilerServices;

namespace Monitro.Analysis.Sentiment;

/// <summary>Splits social text into words, emoticons and emoji without allocating.</summary>
internal static class SentimentTokenizer
{
    /// <summary>Turns typographic apostrophes into the ASCII apostrophe, so "isn’t" reads as "isn't".</summary>
    /// <param name="c">The character.</param>
    /// <returns>The character to use.</returns>
    public static char NormalizeApostrophe(char c) => c is '\u2019' or '\u2018' or '\u02BC' or '\u0060' or '\u00B4' ? '\'' : c;

    /// <summary>Copies <paramref name="text"/> into <paramref name="buffer"/> (apostrophes normalized) and fills <paramref name="tokens"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="buffer">Receives the normalized text; at least as long as <paramref name="text"/>.</param>
    /// <param name="tokens">Receives the tokens; at least as long as <paramref name="text"/>.</param>
    /// <param name="model">The lexicon, used to keep known emoticons and hyphenated terms whole.</param>
    /// <param name="capsWords">Receives the number of words in capitals.</param>
    /// <param name="letterWords">Receives the number of words with two or more letters.</param>
    /// <returns>The number of tokens.</returns>
    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Tokenize(
        ReadOnlySpan<char> text,
        Span<char> buffer,
        Span<SentimentToken> tokens,
        SentimentModel model,
        out int capsWords,
        out int letterWords)
    {
        // Copied whole, then only the typographic apostrophes replaced: most posts have none.
        text.CopyTo(buffer);
        for (var i = text.IndexOfAny(TypographicApostrophes); i >= 0; i = NextApostrophe(text, i))
        {
            buffer[i] = NormalizeApostrophe(text[i]);
        }

        var state = default(State);
        ReadOnlySpan<char> normalized = buffer[..text.Length];
        var position = 0;
        while (position < normalized.Length)
        {
            if (char.IsWhiteSpace(normalized[position]))
            {
                position++;
                continue;
            }

            var end = position;
            while (end < normalized.Length && !char.IsWhiteSpace(normalized[end]))
            {
                end++;
            }

            if (!IsLinkOrHandle(normalized[position..end]))
            {
                SplitChunk(normalized, position, end, tokens, model, ref state);
            }

            position = end;
        }

        capsWords = state.CapsWords;
        letterWords = state.LetterWords;
        return state.Count;
    }

    // Links and handles name things; their parts ("/worst-update-ever", "@GoodEats") are not the writer's words.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsLinkOrHandle(ReadOnlySpan<char> chunk) =>
        (chunk.Length > 1 && chunk[0] == '@' && IsWordChar(chunk[1]))
        || chunk.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || chunk.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextApostrophe(ReadOnlySpan<char> text, int from)
    {
        var next = text[(from + 1)..].IndexOfAny(TypographicApostrophes);
        return next < 0 ? -1 : from + 1 + next;
    }

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SplitChunk(ReadOnlySpan<char> text, int start, int end, Span<SentimentToken> tokens, SentimentModel model, ref State state)
    {
        // Every emoji, symbol, joiner, selector and skin tone is at or above the zero-width joiner: a chunk without such
        // characters (most of them) is text only.
        if (!text[start..end].ContainsAnyInRange(FirstEmojiCharacter, char.MaxValue))
        {
            SplitText(text, start, end, tokens, model, ref state);
            return;
        }

        // Emoji are tokens of their own even when glued to words; joiners, variation selectors and skin tones are dropped.
        var segmentStart = start;
        var i = start;
        while (i < end)
        {
            int codePoint;
            int width;
            if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                width = 2;
            }
            else
            {
                codePoint = text[i];
                width = 1;
            }

            if (IsEmojiModifier(codePoint))
            {
                SplitText(text, segmentStart, i, tokens, model, ref state);
                segmentStart = i + width;
            }
            else if (codePoint >= 0x2190 && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.OtherSymbol)
            {
                SplitText(text, segmentStart, i, tokens, model, ref state);
                Add(text, i, width, tokens, ref state);
                segmentStart = i + width;
            }

            i += width;
        }

        SplitText(text, segmentStart, end, tokens, model, ref state);
    }

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SplitText(ReadOnlySpan<char> text, int start, int end, Span<SentimentToken> tokens, SentimentModel model, ref State state)
    {
        if (start >= end)
        {
            return;
        }

        // Emoticons and terms such as "10/10" or "a+" are kept whole when the lexicon knows them.
        var segment = text[start..end];
        var plainWord = !segment.ContainsAnyExcept(WordCharacters);
        if (!plainWord && model.Contains(segment))
        {
            Add(text, start, end - start, tokens, ref state);
            return;
        }

        var trimmedEnd = end;
        while (trimmedEnd > start && text[trimmedEnd - 1] is '.' or ',' or '!' or '?' or ';')
        {
            trimmedEnd--;
        }

        if (!plainWord && trimmedEnd < end && trimmedEnd > start && model.Contains(text[start..trimmedEnd]))
        {
            Add(text, start, trimmedEnd - start, tokens, ref state);
            return;
        }

        if (!plainWord && (TrySplitGluedEmoticon(text, start, end, tokens, model, ref state)
            || (trimmedEnd < end && TrySplitGluedEmoticon(text, start, trimmedEnd, tokens, model, ref state))))
        {
            return;
        }

        var i = start;
        while (i < end)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            i++;
            while (i < end && (IsWordChar(text[i]) || (text[i] is '\'' or '-' && i + 1 < end && IsWordChar(text[i + 1])) || IsMaskInWord(text, i, end)))
            {
                i++;
            }

            if (wordStart > start && text[wordStart - 1] == '#' && TryAddHashtagWords(text, wordStart, i, tokens, model, ref state))
            {
                continue;
            }

            AddWord(text, wordStart, i, tokens, model, ref state);
        }
    }

    // An emoticon glued to the word before it ("love it:(", "thanks:)", "bad...:(") is read as a token of its own;
    // without this the word splitter drops its characters. The longest known emoticon wins (">:(" over ":(").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TrySplitGluedEmoticon(ReadOnlySpan<char> text, int start, int end, Span<SentimentToken> tokens, SentimentModel model, ref State state)
    {
        for (var length = Math.Min(MaxGluedEmoticonLength, end - start - 1); length >= 2; length--)
        {
            var emoticonStart = end - length;
            if (IsWordChar(text[emoticonStart]) || !model.Contains(text[emoticonStart..end]))
            {
                continue;
            }

            SplitText(text, start, emoticonStart, tokens, model, ref state);
            Add(text, emoticonStart, length, tokens, ref state);
            return true;
        }

        return false;
    }

    // A hashtag the lexicon does not know is read as the words it is written of (#epicfail, #MondayBlues,
    // #customerservicefail), split by the shared word-frequency segmenter; English only, as its word list is.
    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryAddHashtagWords(ReadOnlySpan<char> text, int start, int end, Span<SentimentToken> tokens, SentimentModel model, ref State state)
    {
        var body = text[start..end];
        if (body.Length < MinHashtagLength || body.Length > WordSegmenter.MaxRunLength
            || !ReferenceEquals(model.Rules, LanguageRules.English) || body.ContainsAnyExcept(AsciiLetters) || model.Contains(body))
        {
            return false;
        }

        Span<char> lower = stackalloc char[body.Length];
        body.ToLowerInvariant(lower);
        Span<int> boundaries = stackalloc int[body.Length];
        var count = WordSegmenter.Segment(lower, boundaries);
        if (count == 0)
        {
            return false;
        }

        var partStart = start;
        for (var b = 0; b <= count; b++)
        {
            var partEnd = b < count ? start + boundaries[b] : end;
            Add(text, partStart, partEnd - partStart, tokens, ref state);
            partStart = partEnd;
        }

        // A negation inside a hashtag (#NoFilter, #NotMyProblem) belongs to the hashtag, not to the words after it.
        state.ClauseBreakPending = true;
        return true;
    }

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddWord(ReadOnlySpan<char> text, int start, int end, Span<SentimentToken> tokens, SentimentModel model, ref State state)
    {
        var word = text[start..end];
        if (word.IndexOf('-') < 0 || model.Contains(word))
        {
            Add(text, start, end - start, tokens, ref state);
            return;
        }

        // An unknown hyphenated word ("super-fast") is read as its parts.
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || text[i] == '-')
            {
                if (i > partStart)
                {
                    Add(text, partStart, i - partStart, tokens, ref state);
                }

                partStart = i + 1;
            }
        }
    }

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Add(ReadOnlySpan<char> text, int start, int length, Span<SentimentToken> tokens, ref State state)
    {
        var letters = 0;
        var upper = 0;
        foreach (var c in text.Slice(start, length))
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        var isCaps = letters >= 2 && upper == letters;
        if (letters >= 2)
        {
            state.LetterWords++;
            if (isCaps)
            {
                state.CapsWords++;
            }
        }

        // Negations and boosters do not reach across clause punctuation.
        var gap = text[state.PreviousEnd..start];
        var startsClause = state.ClauseBreakPending || gap.IndexOfAny(ClausePunctuation) >= 0;
        state.ClauseBreakPending = false;
        var startsSentence = startsClause && gap.IndexOfAny(SentencePunctuation) >= 0;
        tokens[state.Count++] = new SentimentToken(start, length, isCaps, startsClause, letters == 0 && !HasDigit(text.Slice(start, length)), startsSentence);
        state.PreviousEnd = start + length;
    }

    private const int MinHashtagLength = 5;

    // The lowest character SplitChunk treats as an emoji's part or a symbol (the zero-width joiner, U+200D).
    private const char FirstEmojiCharacter = '\u200D';

    private static readonly SearchValues<char> TypographicApostrophes = SearchValues.Create("\u2019\u2018\u02BC\u0060\u00B4");

    // The longest emoticon looked for at the end of a word it is glued to (">:-(" has four characters).
    private const int MaxGluedEmoticonLength = 4;

    private static readonly SearchValues<char> AsciiLetters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly SearchValues<char> ClausePunctuation = SearchValues.Create(".,;:!?");

    private static readonly SearchValues<char> SentencePunctuation = SearchValues.Create(".!?");

    // Letters a plain ASCII word is made of; other segments may be emoticons or terms such as "10/10".
    private static readonly SearchValues<char> WordCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'");

    // A star inside a word masks a letter of a swear word ("sh*tty", "f**ked"): the word stays whole.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsMaskInWord(ReadOnlySpan<char> text, int index, int end)
    {
        if (text[index] != '*')
        {
            return false;
        }

        var next = index + 1;
        while (next < end && text[next] == '*')
        {
            next++;
        }

        return next < end && char.IsLetter(text[next]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasDigit(ReadOnlySpan<char> token) => token.IndexOfAnyInRange('0', '9') >= 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEmojiModifier(int codePoint) =>
        codePoint is 0xFE0F or 0xFE0E or 0x200D or 0x20E3 or (>= 0x1F3FB and <= 0x1F3FF);

    private struct State
    {
        public int Count;
        public int CapsWords;
        public int LetterWords;
        public int PreviousEnd;
        public bool ClauseBreakPending;
    }
}
