using System.ComponentModel.DataAnnotations;

namespace Monitro.Dashboard;

/// <summary>Options of the Monitro dashboard, given to <c>MapMonitroDashboard</c>.</summary>
/// <remarks>Checked when the dashboard is mapped; a bad value fails there with the option's name and the reason.</remarks>
public sealed class MonitroDashboardOptions
{
    /// <summary>Gets or sets the name of the authorization policy every dashboard page requires.</summary>
    /// <value>
    /// No default: the dashboard refuses to map without one, unless <see cref="AllowAnonymousInDevelopment"/> is set and
    /// the host runs in the Development environment.
    /// </value>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>Gets or sets a value indicating whether the dashboard may be mapped without a policy while the host runs in the Development environment.</summary>
    /// <value>The default is <see langword="false"/>. Outside Development it is refused: mapping throws.</value>
    public bool AllowAnonymousInDevelopment { get; set; }

    /// <summary>Gets or sets the time zone whose clock the charts' buckets and the shown times follow.</summary>
    /// <value>The default is <see cref="TimeZoneInfo.Utc"/>.</value>
    [Required]
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Gets or sets how many days the overview charts cover, up to today in <see cref="TimeZone"/>.</summary>
    /// <value>The default is 14. Must be between 1 and 366.</value>
    [Range(1, 366)]
    public int OverviewDays { get; set; } = 14;

    /// <summary>Gets or sets how many rows a list page shows.</summary>
    /// <value>The default is 50. Must be between 1 and 1,000.</value>
    [Range(1, PageRequest.MaxPageSize)]
    public int PageSize { get; set; } = PageRequest.DefaultPageSize;

    /// <summary>Gets or sets how many of the newest stored posts a watch preview reads.</summary>
    /// <value>The default is 1,000. Must be between 1 and 100,000.</value>
    [Range(1, PreviewScope.MaxPostsLimit)]
    public int PreviewPosts { get; set; } = 1_000;
}
