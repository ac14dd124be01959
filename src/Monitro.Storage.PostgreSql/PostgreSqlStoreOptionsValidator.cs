using Microsoft.Extensions.Options;

namespace Monitro.Storage.PostgreSql;

/// <summary>Validates the data-annotation rules of <see cref="PostgreSqlStoreOptions"/> (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>;
