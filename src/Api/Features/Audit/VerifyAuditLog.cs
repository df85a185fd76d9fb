using Governance.Api.Pipeline;
using Governance.Audit.Verification;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Audit;

/// <summary>Verifies the live database against the external anchor (200 either way; read <c>valid</c>).</summary>
public sealed record VerifyAuditLog : IRequest<AuditVerificationView>, IAuditedRequest
{
    public string AuditAction => AuditActions.AuditVerify;
}

public sealed record AuditVerificationView(
    bool Valid, long EntriesChecked, string? RootHash, int CheckpointsChecked, long? AnchoredTreeSize, long? FirstBadSequence, string? Problem);

public sealed class VerifyAuditLogHandler(LogVerifier verifier) : IRequestHandler<VerifyAuditLog, AuditVerificationView>
{
    public async Task<AuditVerificationView> Handle(VerifyAuditLog request, CancellationToken cancellationToken)
    {
        var r = await verifier.VerifyAsync(cancellationToken);
        return new AuditVerificationView(r.IsValid, r.EntriesChecked, r.RootHash, r.CheckpointsChecked, r.AnchoredTreeSize, r.FirstBadSequence, r.Problem);
    }
}
