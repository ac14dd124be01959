using CsCheck;

namespace Monitro.Tests.Matching;

// Hashtags and handles made of known words run together, in the cases people write them, for the differential tests
// of the ways a matcher finds words inside entities.
internal static class EntityPartGenerators
{
    // One of the parts as written, capitalized, or in capitals.
    public static Gen<string> Part(string[] parts) => Gen.Select(Gen.OneOf(parts), Gen.Int[0, 2], static (part, style) => style switch
    {
        0 => part,
        1 => char.ToUpperInvariant(part[0]) + part[1..],
        _ => part.ToUpperInvariant(),
    });

    // A hashtag or handle of one to four parts, run together or joined with an underscore or a dot.
    public static Gen<string> Entity(Gen<string> part) => Gen.Select(
        Gen.OneOf("#", "@"),
        part.Array[1, 4],
        Gen.OneOf("", "", "_", "."),
        static (sign, parts, glue) => sign + string.Join(glue, parts));
}
