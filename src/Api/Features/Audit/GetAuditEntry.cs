using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Audit;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Audit;

/// <summary>One audit entry with its chain links, for compliance officers. The read is itself audited.</summary>
public sealed record GetAuditEntry(long Sequence) : IRequest<AuditEntryView>, IAuditedRequest
{
    public string AuditAction => "audit.read";
}

public sealed record AuditEntryView(long Sequence, AuditEntry Entry, DateTimeOffset CommittedAt, string EntryHash, string PreviousHash);

public sealed class GetAuditEntryHandler(AuditReader reader) : IRequestHandler<GetAuditEntry, AuditEntryView>
{
    public async Task<AuditEntryView> Handle(GetAuditEntry request, CancellationToken cancellationToken)
    {
        var stored = await reader.GetAsync(request.Sequence, cancellationToken)
            ?? throw new NotFoundException($"There is no audit entry {request.Sequence}.");
        return new AuditEntryView(stored.Sequence, stored.Entry, stored.CommittedAt, stored.EntryHashHex, Convert.ToHexStringLower(stored.PreviousHash));
    }
}
