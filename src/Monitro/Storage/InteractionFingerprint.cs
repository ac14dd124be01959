using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Monitro;

/// <summary>The fingerprint of one interaction id that relationship snapshots and <see cref="IInteractionTotals"/> sum.</summary>
/// <remarks>A store written outside Monitro computes it the same way to answer <see cref="IInteractionTotals"/>.</remarks>
public static class InteractionFingerprint
{
    /// <summary>Gets the fingerprint of an interaction id: XxHash3 (64 bits, seed 0) of the id's UTF-16 code units, little-endian.</summary>
    /// <param name="interactionId">The interaction's id (<see cref="Interaction.Id"/>).</param>
    /// <returns>The fingerprint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interactionId"/> is <see langword="null"/>.</exception>
    public static ulong Of(string interactionId)
    {
        ArgumentNullException.ThrowIfNull(interactionId);
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(interactionId.AsSpan()));
    }
}
