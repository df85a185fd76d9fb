using System.Threading.RateLimiting;
using Governance.Installation.Security;

namespace Governance.Api.RateLimiting;

/// <summary>
/// The limiter every request passes after authentication, three in a chain: a token bucket per tenant
/// and client (rate), a concurrency limit per tenant and cost class (one tenant's expensive calls
/// cannot crowd out another's), and one global limit on text analysis (the cores stay shared).
/// </summary>
public static class TenantLimiter
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions options) => PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var (tenant, caller) = Identify(context);
            var tier = options.TierOf(tenant);
            return RateLimitPartition.GetTokenBucketLimiter(tenant + "\n" + caller, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, tier.Burst),
                TokensPerPeriod = Math.Max(1, tier.RequestsPerSecond),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }),
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var cost = CallCosts.Of(context);
            if (cost == CallCost.Light)
            {
                return RateLimitPartition.GetNoLimiter("light");
            }

            var (tenant, _) = Identify(context);
            var tier = options.TierOf(tenant);
            var (permits, queue) = cost == CallCost.Text ? (tier.TextConcurrency, tier.TextQueue) : (tier.InferenceConcurrency, tier.InferenceQueue);
            return RateLimitPartition.GetConcurrencyLimiter(tenant + "\n" + cost, _ => Concurrency(permits, queue));
        }),
        PartitionedRateLimiter.Create<HttpContext, string>(context => CallCosts.Of(context) == CallCost.Text
            ? RateLimitPartition.GetConcurrencyLimiter("text", _ => Concurrency(options.GlobalTextConcurrency, options.GlobalTextQueue))
            : RateLimitPartition.GetNoLimiter("other")));

    // Tenant calls are keyed by tenant and client; operators by their subject; anonymous calls by address.
    private static (string Tenant, string Caller) Identify(HttpContext context)
    {
        var user = context.User;
        var tenant = user.FindFirst(ClaimNames.TenantId)?.Value;
        var caller = user.FindFirst(ClaimNames.ClientId)?.Value ?? user.FindFirst(ClaimNames.Subject)?.Value;
        return caller is null
            ? ("", "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
            : (tenant ?? "", caller);
    }

    private static ConcurrencyLimiterOptions Concurrency(int permits, int queue) => new()
    {
        PermitLimit = Math.Max(1, permits),
        QueueLimit = Math.Max(0, queue),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };
}
