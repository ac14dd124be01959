namespace Monitro;

/// <summary>
/// What an intent detector may know about a post besides its text: the accounts the post mentions (a reply may carry
/// mentions its text does not show) and the accounts known to be companies', such as the tenant's own.
/// </summary>
/// <remarks>
/// With a context, a tag counts as addressing a company only when the account is known as a company's or its handle has
/// a company's marks (capitals, a care or country word: <c>@StreamoraUK</c>, <c>@hulu_support</c>); a plain lower-case
/// handle that is not known (<c>@chrisdee</c>) may be a friend's and counts neither way. Without a context the text is
/// read alone, and a plain handle is taken for a company's so that a complaint to a company with a plain handle is not missed.
/// </remarks>
public sealed class IntentContext
{
    /// <summary>Gets the handles the post mentions, with or without the leading <c>@</c>, as its source reports them.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> Mentions { get; init => field = value ?? []; } = [];

    /// <summary>Gets the handles known to be companies' accounts, with or without the leading <c>@</c>, in any case; for example the tenant's own accounts.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyCollection<string> CompanyAccounts { get; init => field = value ?? []; } = [];

    /// <summary>Returns whether a handle is one of <see cref="CompanyAccounts"/>, ignoring case and a leading <c>@</c>.</summary>
    /// <param name="handle">The handle, with or without the leading <c>@</c>.</param>
    /// <returns><see langword="true"/> when the account is known to be a company's.</returns>
    public bool IsCompanyAccount(ReadOnlySpan<char> handle)
    {
        handle = handle.TrimStart('@');
        if (handle.IsEmpty)
        {
            return false;
        }

        foreach (var account in CompanyAccounts)
        {
            if (account is not null && account.AsSpan().TrimStart('@').Equals(handle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
