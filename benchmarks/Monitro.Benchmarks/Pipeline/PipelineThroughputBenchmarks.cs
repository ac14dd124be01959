using BenchmarkDotNet.Attributes;
using Monitro.Benchmarks.Matching;

namespace Monitro.Benchmarks.Pipeline;

/// <summary>
/// The whole pipeline reading a JSON Lines file with 1,000 keyword watches, into the in-memory store and into SQLite
/// (synchronous FULL), against the bare loop that parses the same lines and inserts every post into SQLite (the
/// baseline). Times are per post read.
/// </summary>
[MemoryDiagnoser]
public class PipelineThroughputBenchmarks
{
    private const int Posts = 20_000;
    private string _folder = string.Empty;
    private string _lines = string.Empty;
    private List<Watch> _watches = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "monitro-pipeline-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var corpus = new MatchingCorpus();
        _watches = corpus.KeywordWatches(1_000);
        _lines = Path.Combine(_folder, "posts.jsonl");
        JsonLinesWorkload.Write(_lines, corpus.Posts(Posts, minimumLength: 158));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts)]
    public int BareParseAndInsertAll() => JsonLinesWorkload.InsertAllIntoSqlite(_lines, NewDatabase());

    [Benchmark(OperationsPerInvoke = Posts)]
    public Task<int> PipelineInMemory() => JsonLinesWorkload.RunPipelineAsync(_lines, _watches, sqlitePath: null);

    [Benchmark(OperationsPerInvoke = Posts)]
    public Task<int> PipelineSqlite() => JsonLinesWorkload.RunPipelineAsync(_lines, _watches, NewDatabase());

    // Each invocation writes a new file, so the pipeline's duplicate check never finds an earlier run's posts.
    private string NewDatabase() => Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
}
