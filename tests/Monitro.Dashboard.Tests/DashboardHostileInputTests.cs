using System.Buffers;
using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Monitro.Dashboard.Tests;

/// <summary>
/// Every page against hostile input: every query parameter of every page with numbers past every range, garbage and
/// markup (a clear 400 or the page, never a failure); names, posts and reasons holding bidi controls (isolated, so
/// they cannot reverse the rest of their row), control characters, markup and a <c>javascript:</c> address (text,
/// never a link); chart labels that are not valid XML; and every endpoint the dashboard maps behind its policy.
/// </summary>
public sealed class DashboardHostileInputTests(HostileDashboardHost host) : IClassFixture<HostileDashboardHost>
{
    private static readonly string[] Parameters = ["page", "watch", "q", "post", "at", "redriven"];

    private static readonly string[] HostileValues =
    [
        "9223372036854775807", "-9223372036854775808", "253402300799999", "-62135596800001", "-1", "0",
        "99999999999999999999999999", "1e308", "NaN", "garbage", "%00", "\u0001", HostileDashboardHost.Hostile,
        "<script>alert(1)</script>", "' OR 1=1 --", new string('(', 2000), new string('x', 4000),
        "bXwxfHg", "ZHw5MjIzMzcyMDM2ODU0Nzc1ODA3fHg", // base64url of another list's token, and of a token at long.MaxValue
    ];

    // Characters that change the direction of what follows them until they are closed or isolated.
    private static readonly SearchValues<char> BidiControls = SearchValues.Create("\u202A\u202B\u202D\u202E\u2066\u2067\u2068");

    public static TheoryData<string> Pages => [.. DashboardPage.Paths, "/monitro/watches?q=acme+OR+evil&post=" + Uri.EscapeDataString(HostilePostId) + "&at=" + HostileAt];

    private static string HostilePostId => Post.CreateId("mastodon", "hostile");

    private static string HostileAt => DashboardSeed.Now.AddMinutes(-30).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task EveryQueryParameterOfEveryPage_WithHostileValues_IsThePageOrA400()
    {
        using var client = host.Client();
        var failures = new List<string>();
        foreach (var page in DashboardPage.Paths.Select(p => p.Split('?')[0]).Distinct())
        {
            foreach (var parameter in Parameters)
            {
                foreach (var value in HostileValues)
                {
                    // The explanation of a post needs a draft and a post; the value goes in the one parameter tried.
                    var others = page.EndsWith("/watches", StringComparison.Ordinal) && parameter is "at" or "post"
                        ? "q=acme&post=" + Uri.EscapeDataString(HostilePostId) + "&at=" + HostileAt + "&"
                        : string.Empty;
                    var path = page + "?" + others + parameter + "=" + Uri.EscapeDataString(value);
                    using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                    if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
                    {
                        failures.Add($"{(int)response.StatusCode} {path[..Math.Min(path.Length, 120)]}");
                    }
                    else if (response.StatusCode == HttpStatusCode.BadRequest)
                    {
                        // A refusal says what was wrong, as text, without echoing the value back.
                        var text = await response.Content.ReadAsStringAsync();
                        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
                        Assert.Contains(parameter, text, StringComparison.Ordinal);
                        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task HostileData_IsTextIsolatedFromItsRow_AndNeverALink(string path)
    {
        using var client = host.Client();
        var (document, html) = await DashboardPage.GetAsync(client, path);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.All(document.QuerySelectorAll("a[href]"), a => Assert.StartsWith("/monitro", a.GetAttribute("href"), StringComparison.Ordinal));

        // Every run of text holding a bidi control sits in an element that isolates it (bdi, or any with dir), with at
        // most the highlight's mark between: the control cannot reach past its own value.
        var runs = document.Descendants<IText>().Where(t => t.Data.AsSpan().ContainsAny(BidiControls) && t.ParentElement?.LocalName != "title").ToList();
        Assert.All(runs, run => Assert.True(IsIsolated(run), $"not isolated in <{run.ParentElement?.LocalName}>: {run.ParentElement?.OuterHtml[..Math.Min(run.ParentElement.OuterHtml.Length, 200)]}"));
        if (path.Contains("/watches?", StringComparison.Ordinal) || !path.Contains("/watches", StringComparison.Ordinal) && !path.EndsWith("/sources", StringComparison.Ordinal))
        {
            Assert.NotEmpty(runs);
        }
    }

    [Fact]
    public async Task EveryEndpointOfTheDashboard_RequiresThePolicy()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/monitro", StringComparison.Ordinal) == true)
            .ToList();

        // The pages, the stylesheet and the re-drive form's target.
        Assert.Equal(9, endpoints.Count);
        using var anonymous = host.Client(user: null);
        using var outsider = host.Client(user: "eve;support");
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.RoutePattern.RawText!;
            Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), data => data.Policy == DashboardHost.Policy);
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var uri = new Uri(name.Replace("//", "/", StringComparison.Ordinal), UriKind.Relative);
                using var unsigned = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri));
                using var forbidden = await outsider.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri));
                Assert.True(unsigned.StatusCode == HttpStatusCode.Unauthorized, $"{method} {name} answered {(int)unsigned.StatusCode} without sign-in");
                Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden, $"{method} {name} answered {(int)forbidden.StatusCode} outside the policy");
            }
        }
    }

    [Theory]
    [InlineData("controls \u0001\u0008\u000B\u001B\u007F")]
    [InlineData("]]><![CDATA[")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("lone \uD800 surrogate \uDC00")]
    [InlineData("noncharacters \uFFFE\uFFFF")]
    [InlineData(HostileDashboardHost.Hostile)]
    public void Chart_WithHostileLabels_IsWellFormedSvgWithTheLabelsAsText(string label)
    {
        var model = new PlotModel { Title = label, Subtitle = label };
        var categories = new CategoryAxis { Position = AxisPosition.Left, Title = label };
        categories.Labels.Add(label);
        categories.Labels.Add("plain");
        model.Axes.Add(categories);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = label });
        var bars = new BarSeries { Title = label };
        bars.Items.Add(new BarItem(1));
        bars.Items.Add(new BarItem(2));
        model.Series.Add(bars);

        var svg = SvgChart.Render(model, "hostile", label, 400, 200);

        var element = XElement.Parse(svg);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("hostile", element.Attribute("id")!.Value);
        Assert.Contains(element.Descendants(), e => e.Name.LocalName == "text" && e.Value == "plain");
        var parsed = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + svg + "</body>");
        Assert.Empty(parsed.QuerySelectorAll("script"));
        Assert.Single(parsed.Body!.Children);
    }

    private static bool IsIsolated(IText run)
    {
        for (var element = run.ParentElement; element is not null; element = element.ParentElement)
        {
            if (element.LocalName == "bdi" || element.HasAttribute("dir"))
            {
                return true;
            }

            if (element.LocalName != "mark")
            {
                return false;
            }
        }

        return false;
    }
}
