using System.Diagnostics;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// The processor time this process has used, all threads together: on a shared machine a figure per CPU second
/// is steadier than one per wall-clock second, which counts the time other processes had the core.
/// </summary>
internal sealed class CpuClock : IDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();

    public TimeSpan Now
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void Dispose() => _process.Dispose();
}
