using System.Text.Json;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Tests;

/// <summary>The contact's scores, role and why come from the relationship the events carry (spec 1.2).</summary>
public sealed class CrmRelationshipEventTests : IAsyncLifetime
{
    private const string Olga = "mastodon:olga@example.social";

    private CrmHost _crm = null!;

    public async Task InitializeAsync() => _crm = await CrmHost.StartAsync();

    public async Task DisposeAsync() => await _crm.DisposeAsync();

    [Fact]
    public async Task PersonUpserted_WithARelationship_StoresScoresRoleAndWhyOnTheContact()
    {
        await _crm.PostAllAsync(SampleAlerts.Complaint());

        await PostUpsertAsync("1", Relationship(40.5, new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero), "recoveredDetractor"));

        var olga = Assert.Single(_crm.Database.ReadContacts(ContactQuery.Default).Contacts);
        Assert.Equal((40.5, "warm", 55.0, 80.0, "RecoveredDetractor"), (olga.Bond, olga.Band, olga.Affect, olga.Care, olga.Role));
        Assert.Equal("answered and the tone recovered", olga.Why);
        Assert.Equal("warm bond, two-way", _crm.Database.ReadContact(olga.Id)!.Explanation);
    }

    [Fact]
    public async Task PersonUpserted_WithOlderScores_ChangesNothing()
    {
        await _crm.PostAllAsync(SampleAlerts.Complaint());
        var time = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);

        await PostUpsertAsync("newer", Relationship(40.5, time, "detractor"));
        await PostUpsertAsync("older", Relationship(12, time.AddHours(-2), "detractor"));

        Assert.Equal(40.5, Assert.Single(_crm.Database.ReadContacts(ContactQuery.Default).Contacts).Bond);
    }

    private static EventRelationship Relationship(double bond, DateTimeOffset asOf, string role) =>
        new(Olga, [Olga], asOf, bond, "warm", 55, 80, role, [new EventRole(role, role + ".rule", "answered and the tone recovered", IsFact: false)], "warm bond, two-way");

    private async Task PostUpsertAsync(string id, EventRelationship relationship)
    {
        var person = new SocialProfile(Olga, "mastodon", "olga@example.social", "Olga Berg", null, null, null);
        var crmEvent = new CrmEvent<PersonUpsertedData>
        {
            Type = CrmEventTypes.PersonUpserted,
            Id = "person.upserted|" + id,
            Time = relationship.AsOf,
            Subject = Olga,
            Data = new PersonUpsertedData(person) { Relationship = relationship },
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(crmEvent, CrmEventJsonContext.Default.CrmEventPersonUpsertedData);
        using var response = await _crm.PostAsync(new SerializedCrmEvent(crmEvent.Id, crmEvent.Type, body));
        response.EnsureSuccessStatusCode();
    }
}
