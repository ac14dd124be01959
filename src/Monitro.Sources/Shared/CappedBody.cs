using System.Globalization;

namespace Monitro.Sources.Shared;

/// <summary>
/// Reads a response body up to a size cap and within a time limit, so that a server can neither fill memory (a body
/// far past the cap, with or without a length) nor hold a poll open (a body that stalls or comes a byte at a time: the
/// resilience handler's timeouts end with the headers, so its total request timeout is given again for the body).
/// </summary>
internal static class CappedBody
{
    /// <summary>Reads the body; an empty one and <see langword="true"/> when it is larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="TimeoutException">The body did not arrive within <paramref name="timeout"/> of its headers.</exception>
    public static async Task<(byte[] Body, bool TooLarge)> ReadAsync(HttpContent content, long maxBytes, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            return ([], true);
        }

        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var stream = await content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, linked.Token).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        return ([], true);
                    }

                    buffer.Write(chunk, 0, read);
                }

                return (buffer.ToArray(), false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"The response body had not arrived {timeout.TotalSeconds:0} s after its headers."));
        }
    }
}
