using System.IO.Hashing;
using System.Runtime.InteropServices;
using Monitro.Matching;

namespace Monitro.Orleans.PreSearch;

/// <summary>
/// A term of the sharded pre-search index: the kind of key in one character, then the folded key, so a word and a
/// hashtag of the same text stay apart; and the index partition that owns it, by a stable hash of the term.
/// </summary>
internal static class PreSearchTerm
{
    public static string Of(IndexKeyKind kind, ReadOnlySpan<char> key)
    {
        Span<char> chars = key.Length < 256 ? stackalloc char[key.Length + 1] : new char[key.Length + 1];
        chars[0] = (char)('A' + (int)kind);
        key.CopyTo(chars[1..]);
        return new string(chars);
    }

    public static int PartitionOf(string term, int partitionCount) =>
        (int)(XxHash32.HashToUInt32(MemoryMarshal.AsBytes(term.AsSpan())) % (uint)partitionCount);
}
