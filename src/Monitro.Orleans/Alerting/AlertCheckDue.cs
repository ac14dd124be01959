namespace Monitro.Orleans.Alerting;

/// <summary>
/// When a tenant's alert rules next need a check (a digest window closing, a spike window ending): one alert-state row
/// in the tenant's store, written by the tenant's alert grain in the commit that moved it, so the cluster's clock finds
/// the tenant due by the stores' index on the due time, also after the grain and the clock lost their silos.
/// </summary>
/// <remarks>No single-process reader knows the scope, so one process on the same store ignores it.</remarks>
internal static class AlertCheckDue
{
    /// <summary>The scope of the row.</summary>
    public const string Scope = "cluster-alert-due|";

    private const string Item = "next";

    /// <summary>Writes the changes that leave the row saying <paramref name="at"/>, or no row when nothing is open.</summary>
    public static void Write(Monitro.Alerting.State.AlertStateWriter state, DateTimeOffset? at)
    {
        if (at is { } moment)
        {
            state.Save(new AlertStateRow { Scope = Scope, Item = Item, DueAt = moment });
        }
        else
        {
            state.Clear(Scope);
        }
    }

    /// <summary>Reads the stored moment out of a tenant's rows, or <see langword="null"/> when none is stored.</summary>
    public static DateTimeOffset? Read(IEnumerable<AlertStateRow> rows) =>
        rows.FirstOrDefault(static row => row.Scope == Scope && row.Item == Item)?.DueAt;
}
