using Xunit.Abstractions;
using Xunit.Sdk;

namespace Monitro.Storage.Testing;

/// <summary>Discovers <see cref="ContractFactAttribute"/> tests, asking the concrete test class whether its store is available.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    /// <inheritdoc/>
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var availability = testMethod.TestClass.Class.ToRuntimeType()
            .GetCustomAttributes(typeof(StoreAvailabilityAttribute), inherit: true)
            .OfType<StoreAvailabilityAttribute>()
            .FirstOrDefault();
        return availability?.SkipReason is { } reason
            ? new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
