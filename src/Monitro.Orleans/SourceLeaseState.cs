namespace Monitro.Orleans;

/// <summary>Where a source lease activation stands.</summary>
[GenerateSerializer]
public enum SourceLeaseState
{
    /// <summary>Not started yet.</summary>
    Idle,

    /// <summary>Reading the source.</summary>
    Running,

    /// <summary>Read a finite source to its end and committed everything.</summary>
    Completed,

    /// <summary>A newer activation took a higher epoch; this one stopped without committing more.</summary>
    Fenced,

    /// <summary>Reading failed; the next keep-alive starts it again from the last committed checkpoint.</summary>
    Failed,
}
