using Monitro.Storage.Sqlite;
using Monitro.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The store's helpers of methods compiled optimized at their first call are compiled optimized too, or inlined (<see cref="PrecompiledReach"/>).</summary>
public sealed class PrecompiledReachTests
{
    [Fact]
    public void PrivateHelpersOfMethodsCompiledAtOnce_AreMarkedOrInlined() =>
        Assert.Empty(PrecompiledReach.UnmarkedHelpers(typeof(SqliteMonitroStore).Assembly));
}
