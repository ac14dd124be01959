using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Monitro.Storage.Shared;

/// <summary>
/// The opaque continuation tokens of paged queries: the sort key of the last item read, so the next page starts
/// right after it (keyset paging) no matter what was added in between.
/// </summary>
/// <remarks>The token is <c>base64url("{query}|{number}|{key}")</c>; the query letter stops a token of one query from being used in another.</remarks>
internal readonly record struct ContinuationToken(char Query, long Number, string Key)
{
    public const char Mentions = 'm';
    public const char Timeline = 't';
    public const char Relationships = 'r';
    public const char DeadLetters = 'd';
    public const char Interactions = 'i';
    public const char Inbox = 'b';
    public const char Totals = 'n';

    /// <summary>Gets the key just before every interaction of a millisecond (ids are never empty), where a read from that moment on starts.</summary>
    public static ContinuationToken InteractionsFrom(DateTimeOffset since) => new(Interactions, since.ToUnixTimeMilliseconds(), string.Empty);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Query}|{Number}|{Key}")));

    /// <summary>Reads the token of a page request, or <see langword="null"/> for the first page.</summary>
    /// <exception cref="ArgumentException">The token is not one this store wrote for this query.</exception>
    public static ContinuationToken? Decode(string? token, char query, string parameterName)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var parts = text.Split('|', 3);
            if (parts.Length == 3 && parts[0].Length == 1 && parts[0][0] == query
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return new ContinuationToken(query, number, parts[2]);
            }
        }
        catch (FormatException)
        {
            // not base64url: reported below like any other foreign token
        }

        throw new ArgumentException(
            "The continuation token is not valid for this query; pass the token of the previous page of the same query, or null for the first page.",
            parameterName);
    }
}
