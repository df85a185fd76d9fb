namespace Governance.Api.PolicyEngine;

public static class PolicyRegistration
{
    public static IServiceCollection AddPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.Section));
        services.AddSingleton<ActivePolicy>();
        services.AddScoped<IPolicyVersions, PolicyVersionStore>();
        services.AddSingleton<PolicySeeder>();
        services.AddSingleton<PolicyActivationWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<PolicyActivationWatcher>());
        services.AddSingleton<IConsentLookup, NoConsentRecords>();
        services.AddSingleton<DecisionContextBuilder>();
        services.AddSingleton<DecisionLogReader>();
        services.AddScoped<PolicyDecisionScope>();
        return services;
    }
}
