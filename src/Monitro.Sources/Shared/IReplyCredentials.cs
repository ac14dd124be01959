namespace Monitro.Sources.Shared;

/// <summary>The access token of a reply publisher's account, and how to tell and mend an expired one.</summary>
internal interface IReplyCredentials
{
    /// <summary>Gets a current access token, signing in when there is none.</summary>
    Task<string> AccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>Whether the platform refused the request because the token expired or was revoked (so nothing happened).</summary>
    bool IsExpired(ReplyAnswer answer);

    /// <summary>Replaces <paramref name="refusedToken"/> after the platform refused it.</summary>
    Task RenewAsync(string refusedToken, CancellationToken cancellationToken);
}
