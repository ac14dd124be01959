using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>
/// A store tells who wrote a stored post (its inbound interaction, with the person as kept), so an answer read later
/// can be attributed; our own posts, posts never kept and posts of erased people name nobody.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class PostInteractionsContractTests<TStore>
    where TStore : class, IMonitroStore, IPostInteractions, IPersonDataEraser
{
    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(M.Epoch.AddHours(1));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task GetInboundInteraction_OfAStoredPost_IsItsAuthorsInteraction_NotOurAnswers()
    {
        var store = await CreateStoreAsync();
        var question = M.Post("1", "jane", "acme, is the shop open on sunday?");
        var other = M.Post("2", "omar", "acme is great", minute: 1);
        var ours = M.Post("3", "acme", "@jane yes, 10 to 4", minute: 2, replyToId: question.Id);
        await store.CommitAsync(M.Batch("1", question, other));
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = [ours], Interactions = [M.Outbound(ours, question.Author.IdentityKey)] });

        var found = await store.GetInboundInteractionAsync(question.Id);

        Assert.NotNull(found);
        Assert.Equal(Interaction.CreateId(question.Id, question.Author.IdentityKey), found.Interaction.Id);
        Assert.Equal(InteractionDirection.Inbound, found.Interaction.Direction);
        Assert.Equal(question.Author.IdentityKey, found.Person.IdentityKey);
        Assert.Equal(question.Author.Handle, found.Person.Handle);
        Assert.Equal(other.Author.IdentityKey, (await store.GetInboundInteractionAsync(other.Id))?.Person.IdentityKey);
        Assert.Null(await store.GetInboundInteractionAsync(ours.Id));
        Assert.Null(await store.GetInboundInteractionAsync(M.Post("404", "nobody").Id));
    }

    [ContractFact]
    public async Task GetInboundInteraction_OfAnErasedPersonsPost_IsNull()
    {
        var store = await CreateStoreAsync();
        var question = M.Post("1", "jane", "acme, is the shop open on sunday?");
        await store.CommitAsync(M.Batch("1", question));

        await store.ForgetPersonAsync(question.Author.IdentityKey);

        Assert.Null(await store.GetInboundInteractionAsync(question.Id));
    }

    [ContractFact]
    public async Task GetInboundInteraction_WithoutPostId_Throws()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.GetInboundInteractionAsync(""));
    }
}
