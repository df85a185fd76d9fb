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
        services.AddSingleton(sp =>
        {
            var models = sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.Models;
            return new InferenceOptions
            {
                ExecutionProvider = models.ExecutionProvider,
                CudaDeviceId = models.CudaDeviceId,
                SessionsPerModel = models.SessionsPerModel,
                MaxQueuedCalls = models.MaxQueuedCalls,
                QueueTimeout = TimeSpan.FromMilliseconds(models.QueueTimeoutMilliseconds),
            };
        });
        services.AddSingleton<SessionFactory>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelHost>();
        services.AddSingleton<ModelFileStore>();
        services.AddSingleton<ModelLoadFailures>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton(sp => Microsoft.Extensions.Options.Options.Create(sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.RemoteBackends));
        services.AddRemoteModelBackends();
        services.AddSingleton<ModelReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelReconciler>());
        return services;
    }
}
