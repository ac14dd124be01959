using Monitro.Testing;

namespace Monitro.Docs.Tests;

/// <summary>Packs (or finds) the Monitro packages once for all the tests of a class.</summary>
public sealed class PackedPackagesFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _scratch = new();

    /// <summary>Gets a scratch folder the tests may write to.</summary>
    public string Scratch => _scratch.Path;

    /// <summary>Gets the folder with the packed packages.</summary>
    public string Folder { get; private set; } = string.Empty;

    /// <summary>Gets the packages' version.</summary>
    public string Version { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync() => (Folder, Version) = await PackedPackages.GetAsync(_scratch.Path);

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => _scratch.Dispose();
}
