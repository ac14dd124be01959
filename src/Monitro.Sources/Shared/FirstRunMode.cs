namespace Monitro.Sources;

/// <summary>Where a source starts reading the first time it runs (when it has no checkpoint yet).</summary>
public enum FirstRunMode
{
    /// <summary>Only posts published after the source first starts are delivered; what the platform already holds is skipped.</summary>
    StartNow,

    /// <summary>Posts published since <see cref="ListeningSourceOptions.FirstRunSince"/> are delivered, then everything new.</summary>
    Since,

    /// <summary>Everything the platform still offers is delivered (as far back as its paging, feed or lookback reaches), then everything new.</summary>
    EverythingAvailable,
}
