using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Monitro.Storage.PostgreSql.Tests;

public sealed class PostgreSqlMonitroBuilderExtensionsTests
{
    private const string Connection = "Host=127.0.0.1;Port=5432;Username=monitro;Database=crm";

    [Fact]
    public async Task UsePostgreSql_ReplacesTheStore_OneInstanceAnswersEveryContract()
    {
        var services = new ServiceCollection();
        services.AddMonitro().UsePostgreSql(Connection).UsePostgreSql(Connection);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<PostgreSqlMonitroStore>();
        Assert.Same(store, provider.GetRequiredService<IMonitroStore>());
        Assert.Same(store, provider.GetRequiredService<IAlertOutbox>());
        Assert.Same(store, provider.GetRequiredService<IMonitroQueries>());
        Assert.Same(store, provider.GetRequiredService<IPersonDataEraser>());
        Assert.Same(store, provider.GetRequiredService<IRelationshipSnapshotStore>());
        Assert.Single(provider.GetServices<IMonitroStore>());
        Assert.Equal("monitro", store.SchemaName);
        var dataSource = provider.GetRequiredKeyedService<NpgsqlDataSource>(PostgreSqlMonitroBuilderExtensions.DataSourceServiceKey);
        Assert.Contains("Search Path=monitro", dataSource.ConnectionString, StringComparison.OrdinalIgnoreCase);
        Assert.Single(provider.GetServices<IHostedService>().OfType<PostgreSqlStoreInitializer>());
    }

    [Fact]
    public async Task UsePostgreSql_CalledTwice_OnlyTheLastOptionsApply()
    {
        var services = new ServiceCollection();
        services.AddMonitro()
            .UsePostgreSql(options =>
            {
                options.ConnectionString = Connection;
                options.SchemaName = "first";
                options.MaxTextLength = 10;
            })
            .UsePostgreSql(Connection);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;

        Assert.Equal("monitro", options.SchemaName);
        Assert.Equal(new PostgreSqlStoreOptions().MaxTextLength, options.MaxTextLength);
        Assert.Single(provider.GetKeyedServices<NpgsqlDataSource>(PostgreSqlMonitroBuilderExtensions.DataSourceServiceKey));
    }

    [Theory]
    [InlineData("", "monitro", 10, "ConnectionString")]
    [InlineData("Host=;Database=crm", "monitro", 10, "ConnectionString")]
    [InlineData("Hots=db;=;;Nonsense", "monitro", 10, "ConnectionString")]
    [InlineData(Connection, "Monitro; DROP TABLE x", 10, "SchemaName")]
    [InlineData(Connection, "", 10, "SchemaName")]
    [InlineData(Connection, "monitro", 0, "MaxTextLength")]
    public void Constructor_InvalidOption_FailsNamingIt(string connectionString, string schema, int maxTextLength, string option)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = connectionString, SchemaName = schema, MaxTextLength = maxTextLength };

        var error = Assert.Throws<OptionsValidationException>(() => new PostgreSqlMonitroStore(options));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsePostgreSql_InvalidOptions_FailWhenTheHostStarts()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitro().UsePostgreSql(options => options.ConnectionString = "");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value);

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsePostgreSql_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddMonitro();

        Assert.Throws<ArgumentException>(() => builder.UsePostgreSql(""));
        Assert.Throws<ArgumentNullException>(() => builder.UsePostgreSql((Action<PostgreSqlStoreOptions>)null!));
    }
}
