using Monitro.Text;

namespace Monitro;

/// <summary>Finds the hashtags, handles, cashtags and links of social text the way the matcher sees them.</summary>
public static class SocialText
{
    /// <summary>Returns the hashtags, handles, cashtags and links of a text, in text order.</summary>
    /// <param name="text">Any text, such as a post's.</param>
    /// <returns>The entities with their offsets into <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>These are the same tokens that <c>#tag</c>, <c>@name</c>, <c>$CASH</c>, <c>url:</c> and <c>site:</c> terms match.</remarks>
    public static IReadOnlyList<SocialEntity> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var analysis = TextAnalysis.Of(text);
        var entities = new List<SocialEntity>();
        foreach (ref readonly var token in analysis.Tokens)
        {
            SocialEntityKind kind;
            switch (token.Kind)
            {
                case TokenKind.Hashtag:
                    kind = SocialEntityKind.Hashtag;
                    break;
                case TokenKind.Mention:
                    kind = SocialEntityKind.Mention;
                    break;
                case TokenKind.Cashtag:
                    kind = SocialEntityKind.Cashtag;
                    break;
                case TokenKind.Url when token.OriginalStart >= 0:
                    kind = SocialEntityKind.Url;
                    break;
                default:
                    continue;
            }

            var sigil = kind == SocialEntityKind.Url ? 0 : 1;
            var value = text.Substring(token.OriginalStart + sigil, token.OriginalLength - sigil);
            entities.Add(new SocialEntity(kind, value, token.OriginalStart, token.OriginalLength));
        }

        return entities;
    }
}
