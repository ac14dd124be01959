using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitro.Alerting.Delivery;

namespace Monitro;

/// <summary>
/// Posts each alert as signed JSON to a webhook: the body documented in docs/webhooks.md, with the headers
/// <c>Monitro-Idempotency-Key</c>, <c>Monitro-Timestamp</c> and <c>Monitro-Signature</c>.
/// </summary>
/// <remarks>
/// <para>A status outside 2xx, a network error or a timeout throws, and the dispatcher tries again later with
/// the same idempotency key (and a fresh timestamp and signature).</para>
/// <para>The sink is thread-safe. It does not own the <see cref="HttpClient"/>: create it with
/// <c>IHttpClientFactory</c> or keep one for the life of the application.</para>
/// </remarks>
public sealed class WebhookAlertSink : IAlertSink
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _httpClient;
    private readonly Uri _endpoint;
    private readonly string _secret;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="WebhookAlertSink"/> class.</summary>
    /// <param name="httpClient">The client that sends the requests.</param>
    /// <param name="options">The options; checked here.</param>
    /// <param name="timeProvider">The clock of the timestamps; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">An option is not valid; the message names it (never the secret).</exception>
    public WebhookAlertSink(HttpClient httpClient, WebhookAlertSinkOptions options, TimeProvider? timeProvider = null, ILogger<WebhookAlertSink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var validation = new WebhookAlertSinkOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(WebhookAlertSinkOptions), validation.Failures);
        }

        _httpClient = httpClient;
        _endpoint = options.Endpoint!;
        _secret = options.Secret;
        _timeout = options.Timeout;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<WebhookAlertSink>.Instance;
    }

    /// <inheritdoc/>
    /// <exception cref="HttpRequestException">The receiver answered with a status outside 2xx (see <see cref="HttpRequestException.StatusCode"/>), or could not be reached.</exception>
    /// <exception cref="AlertDeliveryException">The receiver answered outside 2xx with a <c>Retry-After</c> header: <see cref="AlertDeliveryException.RetryAfter"/> holds the wait, the inner exception the status.</exception>
    /// <exception cref="TimeoutException">The receiver did not answer within the timeout.</exception>
    public async ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var body = JsonSerializer.SerializeToUtf8Bytes(WebhookPayload.From(alert), WebhookJsonContext.Default.WebhookPayload);
        await PostAsync(alert.IdempotencyKey, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a signed body with an idempotency key; other sinks (CRM events) send their own bodies through it.</summary>
    internal async ValueTask PostAsync(string idempotencyKey, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Content = new ReadOnlyMemoryContent(body);
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.TryAddWithoutValidation(WebhookHeaders.IdempotencyKey, HeaderSafe(idempotencyKey));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, WebhookSignature.Sign(_secret, timestamp, body.Span));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The webhook receiver did not answer within {_timeout.TotalSeconds:0.#} seconds.", exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                _logger.WebhookRefused(idempotencyKey, status);
                var message = string.Create(CultureInfo.InvariantCulture, $"The webhook receiver answered {status} ({response.ReasonPhrase}).");
                var refused = new HttpRequestException(message, inner: null, response.StatusCode);
                throw RetryAfterOf(response) is { } retryAfter ? new AlertDeliveryException(message, retryAfter, refused) : refused;
            }

            _logger.WebhookAccepted(idempotencyKey, status);
        }
    }

    // Retry-After is either seconds or an HTTP date; a date in the past asks for no wait.
    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };

    // Header values must be printable ASCII; keys with other characters (a watch named in another script) are percent-encoded.
    private static string HeaderSafe(string value) =>
        value.All(c => c is >= ' ' and <= '~') ? value : Uri.EscapeDataString(value);
}
