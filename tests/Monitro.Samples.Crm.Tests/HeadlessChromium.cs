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

    /// <summary>Loads the page in a fresh profile and returns the serialized DOM.</summary>
    public static async Task<string> DumpDomAsync(string chromium, Uri page) => (await Browser.RunAsync(chromium, "--dump-dom", page.ToString())).Output;
}
