using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Monitro.Storage.Testing.Crash;

/// <summary>Starts the crash harness (built next to the test assembly that references it) as a child process: a pipeline run, a dispatcher, or a reply publisher.</summary>
public sealed class CrashHarnessProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private CrashHarnessProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Starts a run of the whole pipeline: ingest the replay from its last checkpoint, deliver every alert, exit 0 when done.</summary>
    public static CrashHarnessProcess Start(string database, string input, Uri webhook, string secret, TimeSpan clockOffset) =>
        Launch(database, input, webhook.ToString(), secret, ((int)clockOffset.TotalMinutes).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Starts a dispatcher: the pipeline with no source, so only its alert dispatcher runs, delivering what the
    /// outbox holds (shared with any other dispatcher) and exiting 0 once nothing is left that it could claim.
    /// </summary>
    public static CrashHarnessProcess StartDispatcher(string database, Uri webhook, string secret) =>
        Launch("dispatch", database, webhook.ToString(), secret);

    /// <summary>
    /// Starts a reply publisher: the reply dispatcher with the publisher of account <c>acme</c> that
    /// <paramref name="publisher"/> names (<c>mastodon &lt;url&gt; &lt;access-token&gt;</c>, <c>bluesky …</c>, <c>reddit …</c>),
    /// publishing the store's reply outbox and exiting 0 once no reply is left queued.
    /// </summary>
    public static CrashHarnessProcess StartReplyPublisher(string database, TimeSpan clockOffset, params string[] publisher) =>
        Launch(["replies", database, ((int)clockOffset.TotalMinutes).ToString(CultureInfo.InvariantCulture), .. publisher]);

    /// <summary>
    /// Starts a pipeline run as <see cref="Start"/> does, in a process that cannot make any file larger than
    /// <paramref name="fileSizeLimitKiB"/> KiB: a disk that fills up, as far as the process can tell (a write past the
    /// limit fails, with the signal that would end the process ignored). Needs <c>/bin/bash</c>.
    /// </summary>
    public static CrashHarnessProcess StartWithFileSizeLimit(string database, string input, Uri webhook, string secret, TimeSpan clockOffset, int fileSizeLimitKiB) =>
        Launch(fileSizeLimitKiB, database, input, webhook.ToString(), secret, ((int)clockOffset.TotalMinutes).ToString(CultureInfo.InvariantCulture));

    /// <summary>Gets the process id, to tell its files and kills apart.</summary>
    public int Id => _process.Id;

    private static CrashHarnessProcess Launch(params string[] arguments) => Launch(fileSizeLimitKiB: null, arguments);

    private static CrashHarnessProcess Launch(int? fileSizeLimitKiB, params string[] arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(fileSizeLimitKiB is null ? host : "/bin/bash")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (fileSizeLimitKiB is { } limit)
        {
            // The shell sets the limit, ignores SIGXFSZ (an ignored signal stays ignored across exec) and becomes the harness.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"ulimit -f {limit} && trap '' XFSZ && exec \"$@\""));
            start.ArgumentList.Add("bash");
            start.ArgumentList.Add(host);

            // The runtime maps its executable memory through a file of its own as large as the reservation, which the
            // limit refuses ("Out of memory" at start-up); without W^X it maps anonymous memory.
            start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        }

        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(HarnessPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The crash harness did not start.");
        var harness = new CrashHarnessProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (harness._errors)
            {
                harness._errors.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return harness;
    }

    /// <summary>Waits for the process to exit by itself.</summary>
    /// <returns><see langword="true"/> if it exited within the time.</returns>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Kills the process with SIGKILL: no cleanup, no flush, no finally blocks.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    // The harness builds into the artifacts folder beside this test project: …/bin/<project>/<configuration>/.
    private static string HarnessPath()
    {
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(testFolder.Parent!.Parent!.FullName, "Monitro.CrashHarness", testFolder.Name, "Monitro.CrashHarness.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build Monitro.CrashHarness first.", path);
    }
}
