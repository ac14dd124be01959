using System.Globalization;

namespace Monitro.Orleans.People;

/// <summary>
/// The durable wake-up of a person grain: one alert-state row per person in the tenant's store, written in the same
/// transaction as what moved it, holding the moment and the person's identities (one per line after the moment).
/// </summary>
/// <remarks>
/// Scope <c>cluster-wake-up|</c> and the person id; no single-process reader knows the scope, so one process on the
/// same store ignores it. The row's <see cref="AlertStateRow.DueAt"/> is the moment too, so the clock reads only the
/// rows due (<see cref="IDueAlertStateStore"/>).
/// </remarks>
internal static class PersonWakeUp
{
    public const string ScopePrefix = "cluster-wake-up|";
    private const string Item = "next";

    /// <summary>The changes that leave the person's row saying <paramref name="at"/>, or no row when nothing is pending.</summary>
    public static AlertStateChanges Changes(string personId, DateTimeOffset? at, IEnumerable<string> identities)
    {
        var scope = ScopePrefix + personId;
        if (at is not { } moment)
        {
            return new AlertStateChanges { ClearedScopes = [scope] };
        }

        var payload = string.Join('\n', identities.Order(StringComparer.Ordinal).Prepend(moment.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        return new AlertStateChanges { ClearedScopes = [scope], Saved = [new AlertStateRow { Scope = scope, Item = Item, PersonId = personId, Payload = payload, DueAt = moment }] };
    }

    /// <summary>Reads a wake-up row; <see langword="false"/> for rows of other scopes or a payload it cannot read.</summary>
    public static bool TryRead(AlertStateRow row, out string personId, out DateTimeOffset at, out string[] identities)
    {
        personId = row.Scope.Length > ScopePrefix.Length ? row.Scope[ScopePrefix.Length..] : "";
        at = default;
        identities = [];
        if (!row.Scope.StartsWith(ScopePrefix, StringComparison.Ordinal) || personId.Length == 0 || row.Payload is not { } payload)
        {
            return false;
        }

        var lines = payload.Split('\n');
        if (!DateTimeOffset.TryParse(lines[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out at))
        {
            return false;
        }

        identities = lines[1..];
        return true;
    }
}
