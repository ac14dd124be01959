using Xunit.Sdk;

namespace Monitro.Storage.Testing;

/// <summary>A contract test: a fact that is skipped when the derived class's <see cref="StoreAvailabilityAttribute"/> says the store is not there.</summary>
[XunitTestCaseDiscoverer("Monitro.Storage.Testing.ContractFactDiscoverer", "Monitro.Storage.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;
