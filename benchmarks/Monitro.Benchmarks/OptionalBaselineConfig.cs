using System.Collections.Concurrent;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;

namespace Monitro.Benchmarks;

/// <summary>
/// Runs a class of benchmarks only when the baseline it is measured against is present on this machine (a native
/// library, an earlier build), and says once why it was skipped otherwise.
/// </summary>
public abstract class OptionalBaselineConfig : ManualConfig
{
    private static readonly ConcurrentDictionary<string, bool> Reported = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="OptionalBaselineConfig"/> class.</summary>
    /// <param name="isAvailable">Whether the baseline is present.</param>
    /// <param name="skipReason">Why the benchmarks do not run without it, and how to provide it.</param>
    protected OptionalBaselineConfig(Func<bool> isAvailable, Func<string> skipReason) =>
        AddFilter(new SimpleFilter(_ => isAvailable() || Skip(skipReason())));

    private static bool Skip(string reason)
    {
        if (Reported.TryAdd(reason, true))
        {
            Console.WriteLine("// " + reason);
        }

        return false;
    }
}
