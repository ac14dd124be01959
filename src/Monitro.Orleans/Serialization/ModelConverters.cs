namespace Monitro.Orleans.Serialization;

/// <summary>Sends posts between silos as JSON.</summary>
[RegisterConverter]
internal sealed class PostConverter() : ModelJsonConverter<Post>(MonitroJsonContext.Default.Post);

/// <summary>Sends mentions between silos as JSON.</summary>
[RegisterConverter]
internal sealed class MentionConverter() : ModelJsonConverter<Mention>(MonitroJsonContext.Default.Mention);

/// <summary>Sends watches between silos as JSON.</summary>
[RegisterConverter]
internal sealed class WatchConverter() : ModelJsonConverter<Watch>(MonitroJsonContext.Default.Watch);

/// <summary>Sends interactions between silos as JSON.</summary>
[RegisterConverter]
internal sealed class InteractionConverter() : ModelJsonConverter<Interaction>(MonitroJsonContext.Default.Interaction);

/// <summary>Sends authors between silos as JSON.</summary>
[RegisterConverter]
internal sealed class AuthorConverter() : ModelJsonConverter<Author>(MonitroJsonContext.Default.Author);

/// <summary>Sends relationship snapshots between silos as JSON.</summary>
[RegisterConverter]
internal sealed class RelationshipSnapshotConverter() : ModelJsonConverter<RelationshipSnapshot>(MonitroJsonContext.Default.RelationshipSnapshot);
