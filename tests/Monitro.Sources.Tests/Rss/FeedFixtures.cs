namespace Monitro.Sources.Tests.Rss;

/// <summary>Feeds shaped like the real ones: a Google Alerts Atom feed and an RSS 2.0 channel with the date variants seen in the wild.</summary>
internal static class FeedFixtures
{
    public static string GoogleAlertEntry(string number, string title, string articleUrl, string published) => $"""
          <entry>
            <id>tag:google.com,2013:googlealerts/feed:{number}</id>
            <title type="html">{title}</title>
            <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url={articleUrl}&amp;ct=ga&amp;cd=CAIyGjUwMjhiYWRmMWQ5M2MzMGE6Y29tOmVuOlVT&amp;usg=AOvVaw0exampleusg"></link>
            <published>{published}</published>
            <updated>{published}</updated>
            <content type="html">The company behind &lt;b&gt;Acme CRM&lt;/b&gt; said the funding will go to integrations&amp;nbsp;...</content>
            <author><name></name></author>
          </entry>
        """;

    public static string GoogleAlerts(params string[] entries) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
          <id>tag:google.com,2005:reader/user/01234567890123456789/state/com.google/alerts/9876543210987654321</id>
          <title>Google Alert - "Acme CRM"</title>
          <link href="https://www.google.com/alerts/feeds/01234567890123456789/9876543210987654321" rel="self"></link>
          <updated>2025-12-31T15:00:12Z</updated>
        {string.Join("\n", entries)}
        </feed>
        """;

    public static string RssItem(string guid, string title, string pubDate, string description = "<p>Talking about <b>Acme CRM</b> &amp; more.</p>") => $"""
            <item>
              <title>{title}</title>
              <link>https://blog.example.com/{guid}</link>
              <guid isPermaLink="false">{guid}</guid>
              <pubDate>{pubDate}</pubDate>
              <dc:creator>Jane Doe</dc:creator>
              <description><![CDATA[{description}]]></description>
            </item>
        """;

    public static string Rss(params string[] items) => $"""
          <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Example blog</title>
            <link>https://blog.example.com/</link>
            <description>Posts</description>
        {string.Join("\n", items)}
          </channel>
        </rss>
        """;

    public static string Items(int from, int count) =>
        string.Join("\n", Enumerable.Range(from, count).Select(i => RssItem($"post-{i}", $"Post {i} about Acme", $"Wed, {i % 28 + 1} Dec 2025 10:00:00 GMT")));

    public const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>lol</title>
        <item><guid>bomb</guid><title>&lol9;</title></item>
        </channel></rss>
        """;

    public const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <rss version="2.0"><channel><title>x</title>
        <item><guid>xxe</guid><title>&xxe;</title></item>
        </channel></rss>
        """;
}
