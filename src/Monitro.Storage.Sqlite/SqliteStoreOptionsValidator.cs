using Microsoft.Extensions.Options;

namespace Monitro.Storage.Sqlite;

/// <summary>Validates the data-annotation ranges of <see cref="SqliteStoreOptions"/> (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>;
