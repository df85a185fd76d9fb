using Governance.Api.Errors;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// A request Presidio's contract refuses. 400 for what cannot be parsed or what we do not support (named,
/// never ignored); 422 where Presidio itself answers 422 (an operator parameter it cannot use).
/// </summary>
public sealed class PresidioRequestException(string message, bool invalidParameter = false)
    : GovernanceException(
        invalidParameter ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
        invalidParameter ? ErrorCodes.PresidioInvalidParameter : ErrorCodes.PresidioBadRequest,
        message);
