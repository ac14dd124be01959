using System.Runtime.CompilerServices;

namespace Monitro.Text;

/// <summary>Finds the registrable domain of a host name using a small built-in list of multi-label public suffixes.</summary>
internal static class DomainNames
{
    // Second-level public suffixes under which registrations happen one label deeper (acme.co.uk, acme.com.au).
    private static readonly SortedStrings MultiLabelSuffixes = new(
    [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "sch.uk", "nhs.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
        "co.nz", "org.nz", "net.nz", "govt.nz", "ac.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp",
        "co.kr", "or.kr", "ac.kr",
        "com.br", "net.br", "org.br", "gov.br",
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn",
        "com.hk", "org.hk", "com.tw", "org.tw", "com.sg", "edu.sg", "com.my",
        "co.in", "net.in", "org.in", "gov.in", "ac.in",
        "co.za", "org.za", "gov.za",
        "com.mx", "org.mx", "gob.mx", "com.ar", "com.co", "com.tr", "gov.tr", "com.ua",
        "co.il", "org.il", "ac.il", "co.id", "or.id", "com.ph", "com.vn", "com.pk", "com.eg", "com.sa",
        "github.io", "gitlab.io", "herokuapp.com", "blogspot.com", "netlify.app", "vercel.app", "pages.dev",
        "bsky.social", "azurewebsites.net", "cloudfront.net", "appspot.com",
    ]);

    /// <summary>Returns the registrable domain of a folded host name: the public suffix plus one label.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<char> RegistrableDomain(ReadOnlySpan<char> host)
    {
        var last = host.LastIndexOf('.');
        if (last <= 0)
        {
            return host;
        }

        var second = host[..last].LastIndexOf('.');
        if (second < 0)
        {
            return host;
        }

        var labelsNeeded = MultiLabelSuffixes.Contains(host[(second + 1)..]) ? 3 : 2;
        if (labelsNeeded == 2)
        {
            return host[(second + 1)..];
        }

        var third = host[..second].LastIndexOf('.');
        return third < 0 ? host : host[(third + 1)..];
    }

    /// <summary>Returns whether a folded host is itself one of the known multi-label public suffixes.</summary>
    public static bool IsPublicSuffix(string host) => MultiLabelSuffixes.Contains(host);
}
