namespace Monitro.Storage.Testing;

/// <summary>
/// Put on a derived contract test class whose store needs a server: when <see cref="SkipReason"/> is not null,
/// the class's contract tests are reported as skipped with that reason instead of failing to connect.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class StoreAvailabilityAttribute : Attribute
{
    /// <summary>Gets why the store cannot be tested here, or <see langword="null"/> when it can.</summary>
    public abstract string? SkipReason { get; }
}
