namespace Monitro.Orleans.Alerting;

/// <summary>Routes a person's transition alerts through their tenant's rules: returns those the rules send.</summary>
/// <param name="transitions">The transitions as alerts.</param>
/// <param name="now">The moment of routing.</param>
/// <param name="roleOf">Tells the role of an alert's person, as the person's grain scores them.</param>
/// <returns>The alerts that go out.</returns>
internal delegate List<Alert> TransitionRoute(List<Alert> transitions, DateTimeOffset now, Func<Alert, string?> roleOf);
