using System.Globalization;

namespace Monitro;

/// <summary>A position in the stored posts, ordered by creation time (to the millisecond) and then id.</summary>
/// <param name="CreatedAt">The creation time of the last post read.</param>
/// <param name="PostId">The id of the last post read.</param>
public readonly record struct PostCursor(DateTimeOffset CreatedAt, string PostId)
{
    /// <summary>Writes the cursor as text, to keep it as a checkpoint.</summary>
    /// <returns>The text <c>unix-milliseconds|post-id</c>.</returns>
    public override string ToString() => string.Concat(CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), "|", PostId);

    /// <summary>Reads a cursor written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cursor.</returns>
    /// <exception cref="FormatException">The text is not a cursor.</exception>
    public static PostCursor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || bar == text.Length - 1 || !long.TryParse(text.AsSpan(0, bar), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds))
        {
            throw new FormatException("Not a post cursor (expected unix-milliseconds|post-id).");
        }

        return new PostCursor(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), text[(bar + 1)..]);
    }
}
