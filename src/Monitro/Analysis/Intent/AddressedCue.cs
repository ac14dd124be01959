namespace Monitro.Analysis.Intent;

/// <summary>
/// The complaint cue of being addressed: a statement that tags a company ("@Orbitel my bag came back ripped") and
/// reports any trouble at all is most often a complaint, though its words alone would not say so. Customers tell
/// companies what went wrong in everyday words; the tag is what makes the telling a complaint. A statement that tags
/// only people ("@jess_m92 my phone died lol") is talk between friends, and counts against a complaint instead.
/// </summary>
/// <remarks>
/// The cue only adds to a text that already has a complaint cue, and never to a question (asking is not
/// complaining, and questions that reproach have cues of their own), a shared post ("RT @…"), or a text that praises
/// or thanks. Whether a tag is a company's is read from the post's context when the caller gives one (an account known
/// as a company's, such as the tenant's own) and otherwise from the handle's shape (<see cref="HandleShape"/>). With a
/// context, a plain lower-case handle that is not known (<c>@chrisdee</c>) may be a friend's and counts neither way;
/// without one, the text is read alone and a plain handle is taken for a company's.
/// </remarks>
internal static class AddressedCue
{
    /// <summary>The weight: with any weak cue (a delay, a negation, a fee) it reaches the complaint threshold.</summary>
    public const double Weight = 0.3;

    /// <summary>The weight of a statement to people only: the trouble it tells is rarely a company's to answer.</summary>
    public const double PeopleOnlyWeight = -0.3;

    /// <summary>Reads whom a text is addressed to.</summary>
    /// <param name="text">The text as written (the case of a handle is part of its shape).</param>
    /// <param name="hasQuestion">Whether the text asks a question.</param>
    /// <param name="context">The post's mentions and the accounts known to be companies', or <see langword="null"/> when only the text is known.</param>
    /// <returns>Whom the statement is addressed to; <see cref="Addressee.None"/> for a question or a shared post.</returns>
    public static Addressee Read(ReadOnlySpan<char> text, bool hasQuestion, IntentContext? context = null)
    {
        var trimmed = text.TrimStart();
        if (hasQuestion || trimmed.StartsWith("rt @", StringComparison.OrdinalIgnoreCase))
        {
            return Addressee.None;
        }

        var addressee = Addressee.None;
        for (var i = text.IndexOf('@'); i >= 0; i = Next(text, i))
        {
            // "@sam" tags someone; "sam@example.com" is an address, and "@sam@server.social" is tagged by its local part.
            if ((i > 0 && (IntentText.IsWordChar(text[i - 1]) || text[i - 1] == '@')) || i + 1 >= text.Length || !IntentText.IsWordChar(text[i + 1]))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && IntentText.IsWordChar(text[end]))
            {
                end++;
            }

            switch (Classify(text[(i + 1)..end], context))
            {
                case Addressee.MaybeCompany:
                    return Addressee.MaybeCompany;
                case Addressee.PeopleOnly:
                    addressee = Addressee.PeopleOnly;
                    break;
                default:
                    break;
            }
        }

        // A reply carries the account it answers among its mentions even when its text does not show it.
        if (context is not null)
        {
            foreach (var mention in context.Mentions)
            {
                if (Classify(mention.AsSpan().TrimStart('@'), context) == Addressee.MaybeCompany)
                {
                    return Addressee.MaybeCompany;
                }
            }
        }

        return addressee;
    }

    // A company's (MaybeCompany), a person's (PeopleOnly), or not known either way (None: a plain handle when the caller
    // gave a context, since a company it knows would have been named in it).
    private static Addressee Classify(ReadOnlySpan<char> handle, IntentContext? context)
    {
        if (context is not null && context.IsCompanyAccount(handle))
        {
            return Addressee.MaybeCompany;
        }

        if (HandleShape.LooksLikePerson(handle))
        {
            return Addressee.PeopleOnly;
        }

        return context is null || HandleShape.HasCompanyMarks(handle) ? Addressee.MaybeCompany : Addressee.None;
    }

    private static int Next(ReadOnlySpan<char> text, int from)
    {
        var next = text[(from + 1)..].IndexOf('@');
        return next < 0 ? -1 : from + 1 + next;
    }
}
