using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>A post being matched: its analyzed text (links included) and its metadata.</summary>
internal sealed class PostContext : IDisposable
{
    /// <summary>Gets the analysis of the post's text, with the platform-reported links and the post's address added.</summary>
    public TextAnalysis Analysis { get; } = new();

    private readonly PostTermTable _terms = new();
    private readonly PartSegmentations _segmentations = new();
    private bool _termsBuilt;

    /// <summary>Gets the table of the post's tokens by key, built at the first use after <see cref="Load"/>.</summary>
    /// <remarks>Only a post with candidates is evaluated, so a post that reaches the index and finds none never builds it.</remarks>
    public PostTermTable Terms
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get
        {
            if (!_termsBuilt)
            {
                _terms.Build(Analysis);
                _termsBuilt = true;
            }

            return _terms;
        }
    }

    /// <summary>Gets the word boundaries inside the post's hashtag and handle parts, each part segmented at its first use.</summary>
    public PartSegmentations Segmentations => _segmentations;

    /// <summary>Gets the post.</summary>
    public Post Post { get; private set; } = null!;

    /// <summary>Gets the folded author handle without a leading <c>@</c>.</summary>
    public string AuthorHandle { get; private set; } = string.Empty;

    /// <summary>Gets the part of the folded author handle before <c>@</c> (the handle itself when it has none).</summary>
    public string AuthorLocalPart { get; private set; } = string.Empty;

    /// <summary>Analyzes a post, replacing the one analyzed before.</summary>
    /// <param name="post">The post.</param>
    /// <param name="textFolded">Whether the post's text was already folded into <see cref="TextAnalysis.Text"/> (by the pre-filter).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Load(Post post, bool textFolded = false)
    {
        ArgumentNullException.ThrowIfNull(post);
        Post = post;
        if (!textFolded)
        {
            Analysis.Fold(post.Text ?? string.Empty);
        }

        Analysis.Tokenize();
        foreach (var link in post.Entities?.Links ?? [])
        {
            if (link is not null)
            {
                Analysis.AddLink(link);
            }
        }

        if (post.Url is { } url)
        {
            Analysis.AddLink(url.OriginalString);
        }

        _termsBuilt = false;
        _segmentations.Reset();
        AuthorHandle = FoldHandle(post.Author?.Handle);
        var at = AuthorHandle.IndexOf('@', StringComparison.Ordinal);
        AuthorLocalPart = at > 0 ? AuthorHandle[..at] : AuthorHandle;
    }

    /// <summary>
    /// Takes the stretches of the post's text, folded into <see cref="Analysis"/> already, around its anchor occurrences
    /// as its tokens (<see cref="HitRegions"/>). Links and the author are left out: the watches decided this way look at
    /// neither.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void LoadAround(Post post, HitRegions regions)
    {
        Post = post;
        regions.Tokenize(Analysis);
        _termsBuilt = false;
        _segmentations.Reset();
        AuthorHandle = string.Empty;
        AuthorLocalPart = string.Empty;
    }

    /// <summary>Creates a context for one post.</summary>
    public static PostContext Of(Post post)
    {
        var context = new PostContext();
        context.Load(post);
        return context;
    }

    /// <summary>Folds a handle as author: values are folded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string FoldHandle(string? handle)
    {
        if (string.IsNullOrEmpty(handle))
        {
            return string.Empty;
        }

        var trimmed = handle.AsSpan().TrimStart('@');
        if (System.Text.Ascii.IsValid(trimmed) && !trimmed.ContainsAnyInRange('A', 'Z'))
        {
            return trimmed.Length == handle.Length ? handle : trimmed.ToString();
        }

        return TextFolder.FoldToString(trimmed.ToString());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _terms.Dispose();
        Analysis.Dispose();
    }
}
