using System.Text;

namespace Monitro.Sources.Shared;

/// <summary>Cuts raw payloads down to a short, printable excerpt for skipped items.</summary>
internal static class Excerpts
{
    private const int MaxLength = 300;

    public static string From(string text) => text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");

    public static string From(ReadOnlySpan<byte> utf8) =>
        From(Encoding.UTF8.GetString(utf8[..Math.Min(utf8.Length, MaxLength * 4)]));
}
