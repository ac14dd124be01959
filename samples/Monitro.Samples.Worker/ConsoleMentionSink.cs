using System.Globalization;
using Monitro;

namespace Monitro.Samples.Worker;

/// <summary>Prints every mention as it is delivered: time, watch, source, author, the start of the text and the link.</summary>
internal sealed class ConsoleMentionSink : IAlertSink
{
    public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        if (alert.Mention is { } mention)
        {
            var post = mention.Post;
            var text = post.Text.ReplaceLineEndings(" ");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{post.CreatedAt:yyyy-MM-dd HH:mm} [{mention.Watch.Name}] {post.Source}/@{post.Author.Handle}: {(text.Length > 140 ? text[..140] + "…" : text)} {post.Url}"));
        }
        else
        {
            Console.WriteLine($"{alert.RaisedAt:yyyy-MM-dd HH:mm} {alert.Kind}: {alert.Title}");
        }

        return ValueTask.CompletedTask;
    }
}
