namespace Monitro;

/// <summary>The type of an entity found in social text by <see cref="SocialText.Extract"/>.</summary>
public enum SocialEntityKind
{
    /// <summary>A hashtag such as <c>#AcmeCorp</c>.</summary>
    Hashtag,

    /// <summary>A handle such as <c>@acme_support</c> or <c>@jane@example.social</c>.</summary>
    Mention,

    /// <summary>A cashtag such as <c>$ACME</c>.</summary>
    Cashtag,

    /// <summary>A link such as <c>https://acme.com/blog</c> or a bare domain such as <c>acme.com</c>.</summary>
    Url,
}
