using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Api.Pipeline;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Auditing;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Api.Tests.Pipeline;

/// <summary>
/// The cross-cutting audit rules, over every endpoint the app maps (from its EndpointDataSource, no hand list):
/// an answer with an audit entry carries X-Audit-Sequence naming it, the entry records the endpoint's one
/// action whether the call was refused before the pipeline or went through it, and an endpoint without an
/// action writes nothing. Its own database, so every new entry belongs to the call just made.
/// </summary>
public sealed partial class AuditedEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly (string Role, string? Tenant)?[] Callers =
        [null, (Roles.Tenant, "acme"), (Roles.Compliance, null), (Roles.Admin, null)];

    [Fact]
    public async Task EveryEndpoint_AsEveryCaller_AnswersWithTheHeaderOfItsEntry_UnderTheEndpointsOneAction()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        var failures = new List<string>();
        var audited = 0;

        foreach (var endpoint in endpoints)
        {
            var action = endpoint.Metadata.GetOrderedMetadata<AuditedAction>() switch
            {
                [] => null,
                [var one] => one.Name,
                var many => throw new Xunit.Sdk.XunitException($"{endpoint.RoutePattern.RawText} declares {many.Count} actions"),
            };
            audited += action is null ? 0 : 1;
            var path = PathOf(endpoint);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                foreach (var caller in Callers)
                {
                    var where = $"{method} {path} as {caller?.Role ?? "anonymous"}";
                    var before = await api.ScalarAsync("SELECT coalesce(max(id), 0) FROM audit_records");
                    using var client = ClientFor(caller);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (method is "POST" or "PUT")
                    {
                        // A body the route accepts: a content type routing refuses never selects the endpoint (no action to record).
                        var accepted = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
                        request.Content = new StringContent("{}", Encoding.UTF8, accepted);
                    }

                    using var response = await client.SendAsync(request);
                    var header = response.Headers.TryGetValues(AuditSequenceHeader.Name, out var values) ? values.Single() : null;
                    var entries = await EntriesAfterAsync(before);
                    failures.AddRange(Check(where, (int)response.StatusCode, action, header, entries));
                }
            }
        }

        Assert.True(audited >= 40, $"only {audited} audited endpoints found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<string> Check(string where, int status, string? action, string? header, IReadOnlyList<(long Sequence, string Action)> entries)
    {
        if (entries.Count == 0)
        {
            if (header is not null)
            {
                yield return $"{where}: {status} carries {AuditSequenceHeader.Name} {header} but wrote no entry";
            }

            yield break;
        }

        if (action is null)
        {
            yield return $"{where}: {status} wrote entries ({string.Join(", ", entries.Select(e => e.Action))}) but declares no action";
        }

        if (header is null)
        {
            yield return $"{where}: {status} wrote entry {entries[0].Sequence} without {AuditSequenceHeader.Name}";
            yield break;
        }

        var sequence = long.Parse(header, CultureInfo.InvariantCulture);
        var own = entries.Where(e => e.Sequence == sequence).ToArray();
        if (own is not [var entry])
        {
            yield return $"{where}: {status} header {header} names none of the entries it wrote";
        }
        else if (entry.Action != action)
        {
            yield return $"{where}: {status} recorded '{entry.Action}', the endpoint's action is '{action}'";
        }

        // Besides its own entry, a call may record only the disclosures of the people it showed.
        foreach (var other in entries.Where(e => e.Sequence != sequence && e.Action != AuditActions.AuditDisclose))
        {
            yield return $"{where}: {status} also wrote '{other.Action}' ({other.Sequence})";
        }
    }

    private HttpClient ClientFor((string Role, string? Tenant)? caller)
    {
        var client = api.CreateClient();
        if (caller is { } c)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.TokenFor(c.Role, c.Tenant));
        }

        return client;
    }

    /// <summary>Every entry recorded since <paramref name="afterRecord"/>, once all of them are in the log.</summary>
    private async Task<IReadOnlyList<(long Sequence, string Action)>> EntriesAfterAsync(long afterRecord)
    {
        await using var connection = new NpgsqlConnection(api.Database.OwnerConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var staged = new NpgsqlCommand($"SELECT count(*) FROM audit_records WHERE id > {afterRecord}", connection);
            var expected = (long)(await staged.ExecuteScalarAsync())!;
            var entries = new List<(long, string)>();
            await using (var logged = new NpgsqlCommand($"SELECT sequence, action FROM audit_entries WHERE record_id > {afterRecord} ORDER BY sequence", connection))
            await using (var reader = await logged.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    entries.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            if (entries.Count == expected || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The route with each parameter filled by a value that names something real where one exists.</summary>
    private static string PathOf(RouteEndpoint endpoint) =>
        Parameter().Replace(endpoint.RoutePattern.RawText ?? "/", m => m.Groups["name"].Value switch
        {
            "model" => Seeder.SupportIntent.Manifest.Name,
            "version" when m.Groups["constraint"].Value is "int" => "1",
            "version" => Seeder.SupportIntent.Manifest.Version,
            "tenantId" => "acme",
            "sequence" => "1",
            "size" => "1",
            "documentName" => "v1",
            var other => other,
        });

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex Parameter();
}
