using Monitro.Samples.Crm.Data;

namespace Monitro.Samples.Crm.Tests;

public sealed class CrmContactResolverTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"crm-resolver-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task ResolveAsync_UnknownIdentity_ReturnsNull()
    {
        var resolver = new CrmContactResolver(new CrmDatabase(_path));

        Assert.Null(await resolver.ResolveAsync("mastodon:nobody@example.social"));
    }

    [Fact]
    public async Task ResolveAsync_KnownProfile_ReturnsTheCrmContactId()
    {
        var database = new CrmDatabase(_path);
        string? contactId = null;
        database.Apply("person-1", DateTimeOffset.UnixEpoch, (connection, transaction) =>
            contactId = CrmDatabase.UpsertProfile(connection, transaction, new SocialProfile("mastodon:jane@example.social", "mastodon", "jane@example.social", "Jane", null, 10, null), DateTimeOffset.UnixEpoch));
        var resolver = new CrmContactResolver(database);

        var facts = await resolver.ResolveAsync("mastodon:jane@example.social");

        Assert.NotNull(contactId);
        Assert.Equal(contactId, facts!.ContactId);
    }
}
