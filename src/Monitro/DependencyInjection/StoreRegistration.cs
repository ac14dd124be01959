using Microsoft.Extensions.DependencyInjection;

namespace Monitro.DependencyInjection;

/// <summary>
/// Marks the store registered through <see cref="MonitroStoreBuilderExtensions.UseStore{TStore}"/> in the service
/// collection and remembers the descriptors it added, so the next store registered can remove exactly those.
/// </summary>
/// <param name="StoreType">The store's type, for diagnostics.</param>
/// <param name="Descriptors">Every descriptor the registration added (found by reference, not by type name).</param>
internal sealed record StoreRegistration(Type StoreType, IReadOnlyList<ServiceDescriptor> Descriptors);
