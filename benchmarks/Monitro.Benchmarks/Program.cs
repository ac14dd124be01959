using BenchmarkDotNet.Running;
using Monitro.Benchmarks.Analysis;
using Monitro.Benchmarks.Delivery;
using Monitro.Benchmarks.Relationships;
using Monitro.Benchmarks.Streaming;

// `stream ...` runs one long measurement in this process (see Streaming/StreamArguments.cs), `delivery ...` the
// delivery workload as a plain process (Delivery/DeliveryDriver.cs), `restore ...` the start-up restore from a
// SQLite file (Relationships/RestoreStartup.cs; `restore read-totals`, the read of a start that checks snapshots against
// the per-identity totals, in Relationships/RestoreTotalsRead.cs), `analysis ...` the analyzers' cost per post against
// the baseline analyzers (Analysis/AnalysisCost.cs); anything else goes to BenchmarkDotNet.
if (args is ["stream", .. var streamArguments])
{
    return StreamMeasurement.Run(streamArguments);
}

if (args is ["delivery", .. var deliveryArguments])
{
    return DeliveryDriver.Run(deliveryArguments);
}

if (args is ["restore", "read-totals", .. var totalsArguments])
{
    return RestoreTotalsRead.Run(totalsArguments);
}

if (args is ["restore", .. var restoreArguments])
{
    return RestoreStartup.Run(restoreArguments);
}

if (args is ["analysis", .. var analysisArguments])
{
    return AnalysisCost.Run(analysisArguments);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
