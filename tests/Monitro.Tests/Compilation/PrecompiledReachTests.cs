using Monitro.Testing;

namespace Monitro.Tests.Compilation;

/// <summary>
/// The helpers of methods compiled optimized at their first call are compiled optimized too, or inlined: crossgen2
/// does not precompile a private method that only such methods call (<see cref="PrecompiledReach"/>).
/// </summary>
public sealed class PrecompiledReachTests
{
    // A type of each precompiled assembly (MonitroReadyToRun) this project references.
    public static TheoryData<Type> Assemblies => new() { typeof(MentionMonitor), typeof(Post) };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PrivateHelpersOfMethodsCompiledAtOnce_AreMarkedOrInlined(Type typeOfAssembly) =>
        Assert.Empty(PrecompiledReach.UnmarkedHelpers(typeOfAssembly.Assembly));

    [Fact]
    public void UnmarkedHelpers_FindsAHelperOnlyAMarkedMethodCalls()
    {
        var found = PrecompiledReach.UnmarkedHelpers(typeof(PrecompiledReachTests).Assembly);

        Assert.Equal([$"{typeof(Sample).FullName}.Helper, called by {nameof(Sample)}.{nameof(Sample.Hot)}"], found);
    }

    // A marked method and its unmarked private helper, which the check must find.
    private static class Sample
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public static int Hot(int[] values) => Helper(values) + 1;

        private static int Helper(int[] values)
        {
            var sum = 0;
            foreach (var value in values)
            {
                sum += value * value;
            }

            return sum;
        }
    }
}
