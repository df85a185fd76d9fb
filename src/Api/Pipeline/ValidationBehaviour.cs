using System.Text.Json;
using FluentValidation;
using Governance.Api.Errors;
using MediatR;

namespace Governance.Api.Pipeline;

/// <summary>Refuses NUL characters anywhere, then runs every FluentValidation validator of the request; all failures come back at once as a 400.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        // First, and alone: the validators may assume well-formed strings (see NulCharacterRule).
        if (NulCharacterRule.Offending(request) is { Count: > 0 } nul)
        {
            throw new ValidationFailedException(nul.Distinct(StringComparer.Ordinal).ToDictionary(f => f, _ => new[] { NulCharacterRule.Message }, StringComparer.Ordinal));
        }

        Dictionary<string, List<string>>? errors = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            foreach (var failure in result.Errors)
            {
                errors ??= new(StringComparer.Ordinal);
                var field = JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName);
                if (!errors.TryGetValue(field, out var messages))
                {
                    errors[field] = messages = [];
                }

                messages.Add(failure.ErrorMessage);
            }
        }

        if (errors is not null)
        {
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        return await next();
    }
}
