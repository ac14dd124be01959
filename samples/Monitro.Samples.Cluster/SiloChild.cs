using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Monitro.Samples.Cluster;

/// <summary>A silo process started by the sample: its own program with <c>silo</c> arguments, on free loopback ports.</summary>
internal sealed class SiloChild : IDisposable
{
    private readonly Process _process;

    private SiloChild(int index, Process process)
    {
        Index = index;
        _process = process;
    }

    /// <summary>Gets the number of the silo, from 1.</summary>
    public int Index { get; }

    /// <summary>Gets the process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Gets whether the process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Starts a silo; every line it prints goes to <paramref name="onLine"/>.</summary>
    public static SiloChild Start(int index, SampleSettings settings, string clusterId, Action<SiloChild, string> onLine)
    {
        // `dotnet run` and `dotnet exec` run the program's dll under dotnet; the apphost runs it directly.
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(typeof(SiloChild).Assembly.Location);
        }

        foreach (var argument in (string[])[
            "silo", "--cluster-id", clusterId, "--schema-prefix", settings.SchemaPrefix,
            "--port", FreePort().ToString(CultureInfo.InvariantCulture), "--gateway-port", FreePort().ToString(CultureInfo.InvariantCulture),
            "--pause-ms", ((int)settings.Pause.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            "--posts", settings.LastLine.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        // The connection string goes by environment, not on a command line that every user of the machine can list.
        start.Environment[SampleSettings.ConnectionVariable] = settings.ConnectionString;
        var process = Process.Start(start) ?? throw new InvalidOperationException("A silo process did not start.");
        var child = new SiloChild(index, process);
        process.OutputDataReceived += (_, e) => Relay(child, e.Data, onLine);
        process.ErrorDataReceived += (_, e) => Relay(child, e.Data, onLine);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Kills the process with SIGKILL: no shutdown, no flush, as if the machine died.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    /// <summary>Asks the silo to stop (closes its standard input) and waits; kills it if it does not stop in time.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillHard();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    private static void Relay(SiloChild child, string? line, Action<SiloChild, string> onLine)
    {
        if (line is not null)
        {
            onLine(child, line);
        }
    }

    // The kernel's choice of an unused port on 127.0.0.1; free again once the listener closes.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
