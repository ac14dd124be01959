namespace Monitro;

/// <summary>The kind of contact an interaction records; kinds weigh differently in relationship scores.</summary>
public enum InteractionKind
{
    /// <summary>The person posted about something a watch listens for.</summary>
    Mention = 0,

    /// <summary>A reply in a conversation, from the person to us or from us to the person.</summary>
    Reply,

    /// <summary>A repost or share.</summary>
    Share,

    /// <summary>A like, favourite or other reaction.</summary>
    Reaction,

    /// <summary>A direct or private message.</summary>
    DirectMessage,
}
