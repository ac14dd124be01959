using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Dashboard.Rendering;

namespace Monitro.Dashboard.Endpoints;

/// <summary>One request to a dashboard page: its context, the options, the dashboard's address and the services it reads.</summary>
internal sealed class DashboardRequest(HttpContext context, DashboardSettings settings)
{
    /// <summary>Gets the HTTP context.</summary>
    public HttpContext Context { get; } = context;

    /// <summary>Gets the options.</summary>
    public MonitroDashboardOptions Options => settings.Options;

    /// <summary>Gets the dashboard's address: the application's path base and the dashboard's prefix.</summary>
    public string BasePath { get; } = context.Request.PathBase.Add(settings.Prefix).Value ?? string.Empty;

    /// <summary>Gets the clock.</summary>
    public TimeProvider Clock => Context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>Gets the token that ends with the request.</summary>
    public CancellationToken Aborted => Context.RequestAborted;

    /// <summary>Gets a required Monitro service, with a message that says what to register when it is missing.</summary>
    public T Require<T>()
        where T : class =>
        Context.RequestServices.GetService<T>()
        ?? throw new InvalidOperationException($"The Monitro dashboard needs {typeof(T).Name}: register Monitro and a store (services.AddMonitro(...).UseSqlite(...)).");

    /// <summary>Gets a query string value, or <see langword="null"/> when absent or empty.</summary>
    public string? Query(string name) => Context.Request.Query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Refuses the request for a query parameter out of range or unreadable: a 400 that names the parameter and says
    /// what it must be (the value itself is not echoed).
    /// </summary>
    public static IResult BadParameter(string name, string requirement) =>
        Results.Text($"The query parameter '{name}' {requirement}.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Gets the page request of a list: the configured size and the continuation token in <c>page</c>.</summary>
    public PageRequest ListPage => new(Options.PageSize, Query("page"));

    /// <summary>Formats an instant on the dashboard's clock.</summary>
    public string FormatTime(DateTimeOffset instant) => PageLayout.Time(instant, Options.TimeZone);

    /// <summary>Renders a page in the layout.</summary>
    public IResult Render(string pageId, string title, Html body) =>
        Results.Content(PageLayout.Render(BasePath, pageId, title, body), "text/html; charset=utf-8");
}
