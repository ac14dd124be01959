using Monitro.Samples.Cluster;

// Monitro on an Orleans cluster of three silo processes on this machine, against PostgreSQL.
//
//   dotnet run --project samples/Monitro.Samples.Cluster [-- --kill-one] [--silos 3] [--pause-ms 100]
//              [--timeout-seconds 90] [--schema-prefix cluster_sample]
//
// The connection string comes from MONITRO_POSTGRES. `silo ...` is how the sample starts each of its silos.
try
{
    var settings = SampleSettings.Read(args);
    return args is ["silo", ..]
        ? await SiloProcess.RunAsync(settings, args).ConfigureAwait(false)
        : await new SampleRun(settings).RunAsync().ConfigureAwait(false);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
    return 64;
}
