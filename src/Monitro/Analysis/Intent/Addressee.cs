namespace Monitro.Analysis.Intent;

/// <summary>Whom a statement is addressed to, as far as its tags tell.</summary>
internal enum Addressee
{
    /// <summary>Nobody: no tag, a question, or a shared post ("RT @…").</summary>
    None = 0,

    /// <summary>At least one tag that may be a company's (see <see cref="HandleShape"/>).</summary>
    MaybeCompany,

    /// <summary>Only tags with a person's marks ("@jess_m92"): talk between people, not a word to a company.</summary>
    PeopleOnly,
}
