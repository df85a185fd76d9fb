using Governance.Api.Errors;
using Governance.Domain.Policies;

namespace Governance.Api.Features.Policies;

/// <summary>The stable codes of policy lifecycle refusals.</summary>
public static class PolicyErrorCodes
{
    public const string Invalid = "policy-invalid";
    public const string SelfApproval = "policy-self-approval";
    public const string AlreadyApproved = "policy-already-approved";
    public const string NotApproved = "policy-not-approved";
    public const string AlreadyActive = "policy-already-active";
}

/// <summary>A draft that does not validate: 400 with every error (code, rule id, path, message).</summary>
public sealed class PolicyInvalidException : GovernanceException
{
    public PolicyInvalidException(IReadOnlyList<PolicyError> errors)
        : base(StatusCodes.Status400BadRequest, PolicyErrorCodes.Invalid, $"The policy has {errors.Count} error(s); none was stored.")
    {
        Extensions["errors"] = errors.Select(e => new PolicyErrorDto(e.Code, e.RuleId, e.Path, e.Message)).ToList();
    }
}

public sealed record PolicyErrorDto(string Code, string? RuleId, string Path, string Message);
