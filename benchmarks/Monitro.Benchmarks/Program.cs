using BenchmarkDotNet.Running;
using Monitro.Benchmarks.Streaming;

// `stream ...` runs one long measurement in this process (see Streaming/StreamArguments.cs); anything else goes
// to BenchmarkDotNet.
if (args is ["stream", .. var streamArguments])
{
    return StreamMeasurement.Run(streamArguments);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
