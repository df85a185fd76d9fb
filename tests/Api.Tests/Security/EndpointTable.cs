using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Every operation the running app maps, as "METHOD /route/{parameter}" (route constraints dropped, so
/// the keys read like the OpenAPI document's). Tests that must cover the whole surface start here.
/// </summary>
internal static class EndpointTable
{
    public static IReadOnlyList<string> Operations(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/openapi", StringComparison.Ordinal) != true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static string Normalize(string route) =>
        "/" + string.Join('/', route.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.StartsWith('{') ? "{" + s.Trim('{', '}').Split(':')[0] + "}" : s));
}
