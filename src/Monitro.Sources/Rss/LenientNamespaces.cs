using System.Xml;

namespace Monitro.Sources.Rss;

/// <summary>
/// Gives a prefix the feed uses without declaring it (<c>&lt;itunes:author&gt;</c> without <c>xmlns:itunes</c>) a
/// namespace of its own instead of failing the whole feed; the element is then simply not one Monitro reads.
/// </summary>
internal sealed class LenientNamespaces(XmlNameTable names) : XmlNamespaceManager(names)
{
    /// <inheritdoc/>
    public override string? LookupNamespace(string prefix) => base.LookupNamespace(prefix) ?? "urn:monitro:undeclared:" + prefix;
}
