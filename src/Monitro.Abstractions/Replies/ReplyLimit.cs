using System.Globalization;
using System.Text;

namespace Monitro;

/// <summary>The longest reply a platform accepts.</summary>
/// <param name="MaxLength">The most units a reply may have.</param>
/// <param name="Unit">How the platform counts.</param>
public sealed record ReplyLimit(int MaxLength, ReplyLengthUnit Unit)
{
    /// <summary>Measures a text the way the platform counts.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Its length in <see cref="Unit"/>.</returns>
    public int Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Unit == ReplyLengthUnit.Graphemes ? new StringInfo(text).LengthInTextElements : CountRunes(text);
    }

    private static int CountRunes(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
