namespace Monitro.Tests.Relationships;

/// <summary>
/// What a communication log keeps of when each message was sent. Classic network studies (Freeman's computer
/// conference, the informant-accuracy studies of offices and research groups) publish a count of messages per ordered
/// pair and nothing of their timing; scoring such a log means giving the messages times that carry no information.
/// </summary>
internal enum MessageTiming
{
    /// <summary>Each message keeps the moment it was sent.</summary>
    AsSent,

    /// <summary>Each direction's messages are spread evenly over the observed window: only the directed counts differ between pairs.</summary>
    Even,

    /// <summary>Every message of the network is dated at one moment, the middle of the observed window.</summary>
    OneMoment,
}
