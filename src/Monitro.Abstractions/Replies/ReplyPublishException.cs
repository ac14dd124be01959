namespace Monitro;

/// <summary>A platform refused or failed a reply; tells the outbox whether to try again, and when.</summary>
public sealed class ReplyPublishException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ReplyPublishException"/> class.</summary>
    public ReplyPublishException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ReplyPublishException"/> class.</summary>
    /// <param name="message">What went wrong (no secrets, no reply text).</param>
    public ReplyPublishException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ReplyPublishException"/> class.</summary>
    /// <param name="message">What went wrong (no secrets, no reply text).</param>
    /// <param name="innerException">The cause.</param>
    public ReplyPublishException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the HTTP status of the platform's answer, or <see langword="null"/> when there was none.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets the wait the platform asked for (<c>Retry-After</c>), or <see langword="null"/>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets a value indicating whether trying again cannot help (refused credentials, a deleted post, an invalid reply).</summary>
    public bool IsPermanent { get; init; }
}
