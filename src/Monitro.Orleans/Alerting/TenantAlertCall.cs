namespace Monitro.Orleans.Alerting;

/// <summary>Asks a tenant's alert grain to route the mentions a lease just stored as pending for it.</summary>
/// <param name="tenantId">The tenant.</param>
/// <param name="now">The batch's moment.</param>
/// <param name="cancellationToken">A token that cancels the call.</param>
/// <returns>The number of alerts the grain committed.</returns>
internal delegate Task<int> TenantAlertCall(string tenantId, DateTimeOffset now, CancellationToken cancellationToken);
