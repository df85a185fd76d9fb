using Governance.Inference.ExecutionProviders;
using Microsoft.Extensions.Options;

namespace Governance.Api.ModelStore;

/// <summary>Refuses to start with session settings out of range, naming each key, before any model loads.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
