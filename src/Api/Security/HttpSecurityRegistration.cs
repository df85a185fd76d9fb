using Microsoft.Extensions.Options;

namespace Governance.Api.Security;

/// <summary>Security headers, CORS (closed by default) and, when configured, HTTPS redirection and HSTS.</summary>
public static class HttpSecurityRegistration
{
    public const string Section = "Governance:Http";

    public static IServiceCollection AddHttpSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        services.Configure<HttpSecurityOptions>(section);
        var options = section.Get<HttpSecurityOptions>() ?? new HttpSecurityOptions();
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            // No origins listed: the policy matches none, so no browser origin is ever granted access.
            policy.WithOrigins(options.CorsAllowedOrigins)
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders("Authorization", "Content-Type")
                .WithExposedHeaders("Retry-After");
        }));
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(options.HstsMaxAgeDays);
            hsts.IncludeSubDomains = true;
        });
        services.AddHttpsRedirection(https => https.HttpsPort = options.HttpsPort);
        return services;
    }

    /// <summary>Runs first, so every later answer (errors and redirects included) carries the headers.</summary>
    public static WebApplication UseHttpSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HttpSecurityOptions>>().Value;
        app.UseMiddleware<SecurityHeaders>();
        if (options.HttpsRedirection)
        {
            app.UseHttpsRedirection();
        }

        if (options.Hsts)
        {
            app.UseHsts();
        }

        app.UseCors();
        return app;
    }
}
