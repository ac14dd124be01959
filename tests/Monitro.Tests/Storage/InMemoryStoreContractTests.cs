using System.Text.Encodings.Web;
using System.Text.Json;
using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>The store contract on the in-memory store.</summary>
/// <remarks>
/// <para>The store keeps its data in the instance, so <see cref="CreateStoreAsync"/> hands out the test's one store
/// every time: the contract tests that use two instances check concurrent callers on that store.</para>
/// <para>Every test of <see cref="StoreContractTests{TStore}"/> applies. The crash-recovery contract
/// (<c>CrashRecoveryContractTests</c>) is not derived here on purpose: it kills the process and checks that what was
/// committed survived, and an in-memory store does not outlive its process by design.</para>
/// </remarks>
public sealed class InMemoryStoreContractTests : StoreContractTests<InMemoryMonitroStore>
{
    private static readonly JsonSerializerOptions RowJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private InMemoryMonitroStore? _store;

    private InMemoryMonitroStore Store => _store ??= new InMemoryMonitroStore(Time);

    protected override Task<InMemoryMonitroStore> CreateStoreAsync() => Task.FromResult(Store);

    protected override Task<long> CountRowsAsync(string table) => Task.FromResult((long)Store.ReadTables()[table].Count);

    protected override Task<IReadOnlyList<string>> ListTablesAsync() => Task.FromResult<IReadOnlyList<string>>([.. Store.ReadTables().Keys]);

    // Each row is written as JSON; a hit names the table and the row's top-level member that holds the text.
    protected override Task<IReadOnlyList<string>> FindTextAsync(string needle)
    {
        var hits = new List<string>();
        foreach (var (table, rows) in Store.ReadTables())
        {
            foreach (var row in rows)
            {
                using var json = JsonDocument.Parse(JsonSerializer.Serialize(row, row.GetType(), RowJson));
                var members = json.RootElement.ValueKind == JsonValueKind.Object
                    ? json.RootElement.EnumerateObject().Select(member => (member.Name, member.Value))
                    : [("value", json.RootElement)];
                hits.AddRange(members
                    .Where(member => member.Value.GetRawText().Contains(needle, StringComparison.OrdinalIgnoreCase))
                    .Select(member => $"{table}.{member.Name}"));
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(hits);
    }
}
