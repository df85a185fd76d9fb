using Governance.Api.Anonymization;
using Governance.Api.Catalog;
using Governance.Api.Configuration;
using Governance.Api.Errors;
using Governance.Api.Features.Tokens;
using Governance.Api.ModelStore;
using Governance.Api.Observability;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.PolicyEngine;
using Governance.Api.RateLimiting;
using Governance.Api.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.Composition;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddGovernance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GovernanceOptions>().Bind(builder.Configuration.GetSection(GovernanceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GovernanceOptions>, GovernanceOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddExceptionHandler<GovernanceExceptionHandler>();
        services.AddSingleton<OutageLog>();
        services.AddHostedService<OutageMonitor>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.AllowTrailingCommas = false);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = builder.Configuration.GetValue<long?>("Governance:Limits:MaxModelUploadBytes") ?? new LimitOptions().MaxModelUploadBytes);
        services.AddOpenApi();
        builder.WebHost.ConfigureKestrel((context, kestrel) => ConnectionLimitOptions.Apply(kestrel, context.Configuration,
            context.Configuration.GetValue<long?>("Governance:Limits:MaxModelUploadBytes") ?? new LimitOptions().MaxModelUploadBytes));

        services.AddSingleton(sp => AppDataSource(Options(sp).Database.AppConnectionString));
        services.AddDbContext<GovernanceDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(new TenantSessionInterceptor(sp.GetRequiredService<CurrentPrincipal>())));
        // Registered first: hosted services start in order, and everything after reads the schema.
        services.AddHostedService<DatabaseMigrationService>();
        services.AddAuditTrail();

        services.AddGovernanceAuthentication();
        services.AddHttpSecurity(builder.Configuration);
        services.AddTokenThrottle(builder.Configuration);
        services.AddTenantRateLimits(builder.Configuration);
        services.AddScoped<AuditScope>();
        services.AddScoped(sp => CurrentPrincipal.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));
        services.AddSingleton<AuditEntryFactory>();
        services.AddSingleton<RefusalAuditor>();
        services.AddGovernancePipeline(typeof(ServiceRegistration).Assembly);
        services.AddModelServing();
        services.AddPrivacy();
        services.AddPolicies(builder.Configuration);
        services.AddCatalogCache(builder.Configuration);
        services.AddGovernanceObservability(builder.Configuration);
        return builder;
    }

    // The audit log waits at a record whose transaction is open (ADR-010): a process that stops
    // inside a transaction must not hold every receipt back for long, so its session is ended.
    // A connection string that sets its own Options keeps them. Every connection starts in the platform
    // row scope (db/migrations/0016); tenant callers narrow it (TenantSessionInterceptor).
    private static NpgsqlDataSource AppDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Options = (builder.ConnectionStringBuilder.Options ?? "-c idle_in_transaction_session_timeout=60s")
            + " " + RowScope.PlatformStartupOption;
        return builder.Build();
    }

    private static GovernanceOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<GovernanceOptions>>().Value;
}
