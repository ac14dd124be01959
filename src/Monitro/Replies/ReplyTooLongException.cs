namespace Monitro;

/// <summary>A reply is longer than its platform accepts; it was not created.</summary>
public sealed class ReplyTooLongException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="ReplyTooLongException"/> class.</summary>
    public ReplyTooLongException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ReplyTooLongException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ReplyTooLongException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ReplyTooLongException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReplyTooLongException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the length of the reply, in the platform's unit.</summary>
    public int Length { get; init; }

    /// <summary>Gets the platform's limit.</summary>
    public ReplyLimit? Limit { get; init; }
}
