using System.Globalization;
using Monitro.Samples.Crm.Data;
using Monitro.Samples.Crm.Views;
using Monitro.Testing;

namespace Monitro.Samples.Crm.Tests;

/// <summary>The contact list's search, sort and pages, and contacts merged where Monitro linked identities, on a real SQLite file.</summary>
public sealed class CrmDatabaseReadTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly CrmDatabase _database;

    public CrmDatabaseReadTests() => _database = new CrmDatabase(_folder.File("crm.db"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private string AddPerson(string identityKey, string name)
    {
        var (platform, handle) = (identityKey.Split(':')[0], identityKey.Split(':')[1]);
        string? contactId = null;
        _database.Apply("person|" + identityKey, DateTimeOffset.UnixEpoch, (connection, transaction) =>
            contactId = CrmDatabase.UpsertProfile(connection, transaction, new SocialProfile(identityKey, platform, handle, name, null, null, null), DateTimeOffset.UnixEpoch));
        return contactId!;
    }

    private void Score(string identityKey, double bond, double? affect = null, string? role = null, params string[] moreIdentities) =>
        _database.ApplyRelationship(new RelationshipFacts(identityKey, [identityKey, .. moreIdentities], bond, "weak", affect, null, role, role is null ? null : role + " because", "why " + identityKey), DateTimeOffset.UnixEpoch);

    [Fact]
    public void ReadContacts_ManyContacts_PagesOfFiftyWithTheTotal()
    {
        for (var i = 0; i < 120; i++)
        {
            var identityKey = string.Create(CultureInfo.InvariantCulture, $"mastodon:p{i:000}@example.social");
            AddPerson(identityKey, "Person " + i.ToString("000", CultureInfo.InvariantCulture));
            Score(identityKey, i);
        }

        var first = _database.ReadContacts(ContactQuery.Default with { Sort = ContactSort.Bond });
        var third = _database.ReadContacts(ContactQuery.Default with { Sort = ContactSort.Bond, Page = 3 });
        var beyond = _database.ReadContacts(ContactQuery.Default with { Sort = ContactSort.Bond, Page = 99 });

        Assert.Equal((120, 3, 50, 20), (first.Total, first.Pages, first.Contacts.Count, third.Contacts.Count));
        Assert.Equal(119, first.Contacts[0].Bond);
        Assert.Equal(0, third.Contacts[^1].Bond);
        Assert.Equal((3, third.Contacts[0].Id), (beyond.Query.Page, beyond.Contacts[0].Id)); // past the end: the last page
    }

    [Theory]
    [InlineData(ContactSort.Bond, true, "Cara,Bea,Abe,Dan")]
    [InlineData(ContactSort.Bond, false, "Abe,Bea,Cara,Dan")]
    [InlineData(ContactSort.Affect, true, "Abe,Cara,Bea,Dan")]
    [InlineData(ContactSort.Name, false, "Abe,Bea,Cara,Dan")]
    [InlineData(ContactSort.Role, false, "Cara,Abe,Bea,Dan")]
    public void ReadContacts_Sorted_UnscoredLast(ContactSort sort, bool descending, string expected)
    {
        foreach (var (name, bond, affect, role) in new[] { ("abe", 10, 90, "Detractor"), ("bea", 20, 20, "Prospect"), ("cara", 30, 50, "Advocate") })
        {
            AddPerson("bluesky:" + name + ".bsky.social", char.ToUpperInvariant(name[0]) + name[1..]);
            Score("bluesky:" + name + ".bsky.social", bond, affect, role);
        }

        AddPerson("bluesky:dan.bsky.social", "Dan");

        var page = _database.ReadContacts(new ContactQuery(null, sort, descending, 1));

        Assert.Equal(expected, string.Join(",", page.Contacts.Select(c => c.Name)));
    }

    [Theory]
    [InlineData("ann", "Ann Lee,Joann")]
    [InlineData("ANN", "Ann Lee,Joann")]
    [InlineData("lee@", "Ann Lee")] // the handle
    [InlineData("100%", "Percy")] // % is a character, not a wildcard
    [InlineData("_", "Under_Score")]
    [InlineData("'; DROP TABLE contacts; --", "")]
    public void ReadContacts_Search_FindsNamesAndHandlesLiterally(string search, string expected)
    {
        AddPerson("mastodon:lee@example.social", "Ann Lee");
        AddPerson("mastodon:jo@example.social", "Joann");
        AddPerson("mastodon:percy@example.social", "Percy 100% sure");
        AddPerson("mastodon:u@example.social", "Under_Score");
        AddPerson("mastodon:x@example.social", "Xavier");

        var page = _database.ReadContacts(ContactQuery.Default with { Search = search, Sort = ContactSort.Name, Descending = false });

        Assert.Equal(expected, string.Join(",", page.Contacts.Select(c => c.Name.Split(' ')[0] == "Percy" ? "Percy" : c.Name)));
        Assert.Equal(page.Contacts.Count, page.Total);
        Assert.Equal(5, _database.Count("contacts"));
    }

    [Fact]
    public void ApplyRelationship_IdentitiesMonitroLinked_MergesTheirContacts()
    {
        var first = AddPerson("bluesky:gabeito.work", "Gabe Ito");
        var second = AddPerson("mastodon:gabe@social.coop", "Gabe");
        _database.Apply("case", DateTimeOffset.UnixEpoch, (connection, transaction) => CrmDatabase.AddActivity(connection, transaction, MentionData("mastodon:gabe@social.coop"), new CasePolicy(new HashSet<string>()), DateTimeOffset.UnixEpoch));

        var kept = _database.ApplyRelationship(new RelationshipFacts("bluesky:gabeito.work", ["mastodon:gabe@social.coop", "bluesky:gabeito.work"], 12.5, "weak", 30, 0, "Detractor", "open complaint", "why"), DateTimeOffset.UnixEpoch);

        Assert.Equal(first, kept);
        Assert.NotEqual(first, second);
        Assert.Equal((1, 2), (_database.Count("contacts"), _database.Count("profiles")));
        var detail = _database.ReadContact(first)!;
        Assert.Equal(["bluesky @gabeito.work", "mastodon @gabe@social.coop"], detail.Contact.Profiles);
        Assert.Equal(12.5, detail.Contact.Bond);
        Assert.Equal(30, detail.Contact.Affect);
        Assert.Equal(("Detractor", "open complaint"), (detail.Contact.Role, detail.RoleReason));
        Assert.Single(detail.Cases);
        Assert.Single(detail.Timeline);
        Assert.Null(_database.ReadContact(second));
    }

    private static MentionCreatedData MentionData(string identityKey) => new(
        "Tidewell|mastodon:1", "mastodon:1", new EventWatch("Tidewell", "brand"), new SocialProfile(identityKey, "mastodon", identityKey.Split(':')[1], "Gabe", null, null, null),
        "mastodon", "tidewell broke my board", null, DateTimeOffset.UnixEpoch, "en", new EventSentiment(-0.5, "negative", 0.9), [new EventIntent("complaint", "broke", 0.9)], true, true);
}
