using Browser = Monitro.Testing.HeadlessChromium;

namespace Monitro.Samples.Crm.Tests;

/// <summary>Debian's chromium, headless (<see cref="Browser"/>): loads a page and returns the DOM it rendered.</summary>
internal static class HeadlessChromium
{
    /// <summary>Gets the path of chromium, or <see langword="null"/> when it is not installed.</summary>
    public static string? Find() => Browser.Find();

    /// <summary>Skips the test without chromium, unless MONITRO_REQUIRE_BROWSER=1 (as in CI), when it fails.</summary>
    public static string Require()
    {
        var reason = Browser.SkipReason();
        Skip.If(reason is not null, reason);
        return Browser.Find()!;
    }

    /// <summary>Loads the page in a fresh profile and returns the serialized DOM; fails when the page wrote to the console (a script error, a CSP violation, a failed load).</summary>
    public static async Task<string> DumpDomAsync(string chromium, Uri page)
    {
        var (dom, errors) = await Browser.RunAsync(chromium, "--enable-logging=stderr", "--v=0", "--dump-dom", page.ToString());
        Assert.DoesNotContain(errors.Split('\n'), line => line.Contains(":CONSOLE(", StringComparison.Ordinal));
        return dom;
    }
}
