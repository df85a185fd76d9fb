using System.Reflection;
using FluentValidation;
using MediatR;

namespace Governance.Api.Pipeline;

/// <summary>
/// MediatR 5.1.0 has no DI package here (see docs/decisions/ADR-001-mediatr-5.md): handlers,
/// validators and behaviours are registered by this short scan. Behaviour order is registration
/// order, outermost first.
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddGovernancePipeline(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(PolicyBehaviour<,>));

        foreach (var type in assembly.GetTypes())
        {
            if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition)
            {
                continue;
            }

            foreach (var contract in type.GetInterfaces())
            {
                if (!contract.IsGenericType)
                {
                    continue;
                }

                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(IValidator<>))
                {
                    services.AddScoped(contract, type);
                }
            }
        }

        return services;
    }
}
