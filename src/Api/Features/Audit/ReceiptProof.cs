using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Audit;
using Governance.Audit.Publishing;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Audit;

/// <summary>
/// What a receipt holder needs to check it offline: the entry's leaf hash, the newest signed checkpoint
/// (with witnesses' cosignatures) and the inclusion proof against it. Tenants get their own entries only;
/// any other sequence, existing or not, is the same 404.
/// </summary>
public sealed record GetReceiptProof(long Sequence) : IRequest<ReceiptProofView>, IAuditedRequest
{
    public string AuditAction => AuditActions.AuditReceiptProof;
}

public sealed record ReceiptProofView(long Sequence, string EntryHash, CheckpointView Checkpoint, InclusionProofView Inclusion);

public sealed class GetReceiptProofHandler(
    AuditReader reader, ProofReader proofs, CheckpointStore checkpoints, CosignatureStore cosignatures, CurrentPrincipal principal)
    : IRequestHandler<GetReceiptProof, ReceiptProofView>
{
    public async Task<ReceiptProofView> Handle(GetReceiptProof request, CancellationToken cancellationToken)
    {
        var notFound = new NotFoundException($"There is no audit entry {request.Sequence} for this caller.");
        // A tenant's read is narrowed by PostgreSQL (ADR-028); the check after it says the same in code.
        var asTenant = principal.IsTenant ? principal.TenantId ?? string.Empty : null;
        var stored = request.Sequence < 1 ? null : await reader.GetAsync(request.Sequence, asTenant, cancellationToken);
        if (stored is null || (principal.IsTenant && (principal.TenantId is null || stored.Entry.TenantId != principal.TenantId)))
        {
            throw notFound;
        }

        if (await checkpoints.LatestAsync(cancellationToken) is not { } latest || latest.Body.TreeSize < stored.Sequence)
        {
            throw new ConflictException($"Audit entry {stored.Sequence} is not covered by a signed checkpoint yet; checkpoints follow within seconds, retry shortly.");
        }

        var size = latest.Body.TreeSize;
        var path = await proofs.InclusionAsync(stored.Sequence, size, cancellationToken);
        var published = await cosignatures.PublishedAsync(latest, cancellationToken);
        return new ReceiptProofView(
            stored.Sequence, stored.LeafHashHex, CheckpointView.From(published),
            new InclusionProofView(stored.Sequence, stored.Sequence - 1, size, stored.LeafHashHex, Hex.All(path)));
    }
}
