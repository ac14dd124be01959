namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>A test class whose tests each get a fresh schema, created on first use and dropped when the test ends.</summary>
public abstract class SchemaPerTest : IAsyncLifetime
{
    private TestSchema? _schema;

    internal TestSchema Schema => _schema ??= new TestSchema();

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
