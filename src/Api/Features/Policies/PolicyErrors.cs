using Governance.Api.Errors;
using Governance.Domain.Policies;

namespace Governance.Api.Features.Policies;

/// <summary>The stable codes of policy lifecycle refusals.</summary>
public static class PolicyErrorCodes
{
    public const string Invalid = "policy-invalid";
    public const string TooDeep = ErrorCodes.PolicyTooDeep;
    public const string TooLarge = ErrorCodes.PolicyTooLarge;
    public const string SelfApproval = "policy-self-approval";
    public const string AlreadyApproved = "policy-already-approved";
    public const string NotApproved = "policy-not-approved";
    public const string AlreadyActive = "policy-already-active";
}

/// <summary>A draft that does not validate: 400 with every error (code, rule id, path, message).</summary>
public sealed class PolicyInvalidException : GovernanceException
{
    public PolicyInvalidException(IReadOnlyList<PolicyError> errors)
        : this(PolicyErrorCodes.Invalid, $"The policy has {errors.Count} error(s); none was stored.", errors)
    {
    }

    private PolicyInvalidException(string code, string detail, IReadOnlyList<PolicyError> errors)
        : base(StatusCodes.Status400BadRequest, code, detail)
    {
        Extensions["errors"] = errors.Select(e => new PolicyErrorDto(e.Code, e.RuleId, e.Path, e.Message)).ToList();
    }

    /// <summary>A text refused before parsing (too large, too deep) gets its own code; anything else is policy-invalid.</summary>
    public static PolicyInvalidException For(IReadOnlyList<PolicyError> errors) => errors switch
    {
        [{ Code: Domain.Policies.PolicyErrorCodes.TooLarge } e] => new(PolicyErrorCodes.TooLarge, e.Message, errors),
        [{ Code: Domain.Policies.PolicyErrorCodes.TooDeep } e] => new(PolicyErrorCodes.TooDeep, e.Message, errors),
        _ => new(errors),
    };
}

public sealed record PolicyErrorDto(string Code, string? RuleId, string Path, string Message);
