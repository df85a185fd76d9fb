using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Audit;
using Governance.Audit.Publishing;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Audit;

/// <summary>
/// One audit entry with its leaf hash and its inclusion proof against the latest checkpoint
/// (null while no checkpoint covers it yet). The read is itself audited, with the entry's data subject.
/// </summary>
public sealed record GetAuditEntry(long Sequence) : IRequest<AuditEntryView>, IAuditedRequest
{
    public string AuditAction => AuditActions.AuditRead;
}

/// <summary>An entry as the API shows it: <see cref="EntryHash"/> is its RFC 9162 leaf hash, <see cref="CommittedAt"/> when it was recorded.</summary>
public sealed record AuditEntryView(
    long Sequence, AuditEntry Entry, DateTimeOffset CommittedAt, string EntryHash,
    CheckpointView? Checkpoint = null, InclusionProofView? Inclusion = null)
{
    public static AuditEntryView Of(StoredAuditEntry stored) => new(stored.Sequence, stored.Entry, stored.RecordedAt, stored.LeafHashHex);
}

public sealed class GetAuditEntryHandler(AuditReader reader, ProofReader proofs, CheckpointStore checkpoints, AuditScope scope)
    : IRequestHandler<GetAuditEntry, AuditEntryView>
{
    public async Task<AuditEntryView> Handle(GetAuditEntry request, CancellationToken cancellationToken)
    {
        var stored = await reader.GetAsync(request.Sequence, cancellationToken)
            ?? throw new NotFoundException($"There is no audit entry {request.Sequence}.");
        // Who read what about a person is itself on the record (found by a data-subject search).
        scope.DataSubject = stored.Entry.DataSubject;
        var view = AuditEntryView.Of(stored);
        if (await checkpoints.LatestAsync(cancellationToken) is not { } latest || latest.Body.TreeSize < stored.Sequence)
        {
            return view;
        }

        var size = latest.Body.TreeSize;
        var path = await proofs.InclusionAsync(stored.Sequence, size, cancellationToken);
        return view with
        {
            Checkpoint = CheckpointView.From(latest),
            Inclusion = new InclusionProofView(stored.Sequence, stored.Sequence - 1, size, stored.LeafHashHex, Hex.All(path)),
        };
    }
}
