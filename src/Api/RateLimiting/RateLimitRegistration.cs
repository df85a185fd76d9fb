using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Governance.Api.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Governance.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with <see cref="TenantLimiter"/> as the global limiter. A refusal is a
/// 429 problem with Retry-After, counted in a metric but not audited: writing an entry per refused
/// call would hand the flood the database instead (ADR-022).
/// </summary>
public static class RateLimitRegistration
{
    public const string MeterName = "Governance.Api.RateLimiting";

    public static IServiceCollection AddTenantRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IMeterFactory>((limiter, options, meters) =>
        {
            var rejected = meters.Create(MeterName).CreateCounter<long>("governance.ratelimit.rejected", description: "Calls refused with 429");
            limiter.GlobalLimiter = TenantLimiter.Create(options.Value);
            limiter.OnRejected = (rejection, _) =>
            {
                var context = rejection.HttpContext;
                rejected.Add(1, new KeyValuePair<string, object?>("cost", CallCosts.Of(context).ToString()));
                var wait = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var problem = ProblemWriter.Create(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                    "Too many calls from this tenant or client; retry after the time given.",
                    new Dictionary<string, object?>(StringComparer.Ordinal) { [ProblemWriter.RetryAfterMember] = ProblemWriter.RetryAfterSeconds(wait) });
                return new ValueTask(ProblemWriter.WriteAsync(context, problem));
            };
        });
        return services;
    }

    public static WebApplication UseTenantRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }
}
