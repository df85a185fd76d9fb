using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Api.Tests.Audit;

/// <summary>The API's own sessions cannot sit in an open transaction for long, since the audit log waits at an open one.</summary>
[Collection(ApiCollection.Name)]
public sealed class AppSessionTests(ApiFactory api)
{
    [Fact]
    public async Task AppSessions_EndAnIdleTransactionAfterAMinute()
    {
        await using var command = api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SHOW idle_in_transaction_session_timeout");

        Assert.Equal("1min", await command.ExecuteScalarAsync());
    }
}
