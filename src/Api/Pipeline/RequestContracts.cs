namespace Governance.Api.Pipeline;

/// <summary>Every MediatR request names the action its audit entry records.</summary>
public interface IAuditedRequest
{
    string AuditAction { get; }

    /// <summary>The status the endpoint answers with on success, recorded in the entry.</summary>
    int SuccessStatusCode => StatusCodes.Status200OK;
}

/// <summary>
/// A request that changes state. Its changes and its audit entry commit in one transaction: either
/// both are durable or neither is.
/// </summary>
public interface ICommand : IAuditedRequest;

/// <summary>
/// An admin command the Policy behaviour decides (DESIGN.md: every state change is policy-checked) on
/// <c>request.action</c>, the principal and the time.
/// </summary>
public interface IAdminCommand : ICommand
{
    /// <summary>The action the policy decides on: the endpoint's one action, even where the entry records a variant.</summary>
    string PolicyAction => AuditAction;
}

/// <summary>A request about one model; when a tenant asks, the policy behaviour checks its license.</summary>
public interface IModelCall : IAuditedRequest
{
    string ModelName { get; }

    string? ModelVersion { get; }
}

/// <summary>A request that runs a model: only a licensed tenant may make one.</summary>
public interface IInferenceCall : IModelCall;
