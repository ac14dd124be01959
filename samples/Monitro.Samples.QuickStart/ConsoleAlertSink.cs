using System.Globalization;

namespace Monitro.Samples.QuickStart;

/// <summary>Prints alerts to the terminal as they are delivered: the first ones in full, then a running count.</summary>
internal sealed class ConsoleAlertSink(int shownInFull) : IAlertSink
{
    private int _delivered;

    public int Delivered => _delivered;

    public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        var count = Interlocked.Increment(ref _delivered);
        if (count <= shownInFull && alert.Mention is { } mention)
        {
            var post = mention.Post;
            var signals = mention.Signals;
            var tone = signals is null ? "" : signals.Sentiment.Label.ToString().ToLowerInvariant();
            var intents = signals is null || signals.Intents.Count == 0 ? "" : " " + string.Join(",", signals.Intents.Select(i => i.Label.ToString()).Distinct());
            var answer = signals?.NeedsResponse == true ? " needs-answer" : "";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  ALERT {post.CreatedAt:MM-dd HH:mm} [{mention.Watch.Name}] {post.Source}/@{post.Author.Handle}: {Excerpt(post.Text, 70)}  ({tone}{intents}{answer})"));
        }
        else if (count % 500 == 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … {count} alerts delivered so far"));
        }

        return ValueTask.CompletedTask;
    }

    private static string Excerpt(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}
