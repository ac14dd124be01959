namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>
/// The tests that read the cluster's files run alone: VACUUM keeps every row version an open transaction of another
/// test could still see, so the bytes they look for would stay while the others run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterFilesGroup
{
    public const string Name = "PostgreSQL cluster files";
}
