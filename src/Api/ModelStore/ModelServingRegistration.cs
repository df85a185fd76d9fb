using Governance.Api.Configuration;
using Governance.Inference.ExecutionProviders;
using Governance.Inference.Remote;
using Governance.Inference.Runtime;
using Microsoft.Extensions.Options;

namespace Governance.Api.ModelStore;

public static class ModelServingRegistration
{
    public static IServiceCollection AddModelServing(this IServiceCollection services)
    {
        services.AddModelSessions();
        services.AddSingleton<ModelFileStore>();
        services.AddSingleton<ModelLoadFailures>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton(sp => Microsoft.Extensions.Options.Options.Create(sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.RemoteBackends));
        services.AddRemoteModelBackends();
        services.AddSingleton<ModelReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelReconciler>());
        return services;
    }

    /// <summary>Sessions, loading and the in-memory host: what the governed API and an inference-only node share.</summary>
    public static IServiceCollection AddModelSessions(this IServiceCollection services)
    {
        // Governance:Models holds the store path (ModelOptions) and the session settings (InferenceOptions, checked at start).
        services.AddOptions<InferenceOptions>().BindConfiguration($"{GovernanceOptions.Section}:Models").ValidateOnStart();
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<InferenceOptions>>().Value);
        services.AddSingleton<SessionFactory>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelHost>();
        return services;
    }
}
