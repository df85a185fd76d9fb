namespace Governance.Api.Catalog;

public static class CatalogRegistration
{
    public static IServiceCollection AddCatalogCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.Section));
        services.AddSingleton<CatalogLoader>();
        services.AddSingleton<ICatalogPartLoader, ServedVersionsLoader>();
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<CatalogFence>();
        services.AddSingleton<CatalogWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogWatcher>());
        services.AddScoped<CatalogView>();
        return services;
    }
}
