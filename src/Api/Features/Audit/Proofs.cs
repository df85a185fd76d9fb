using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Audit;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Audit;

/// <summary>Inclusion proof of one entry in the tree of <see cref="TreeSize"/> entries (default: the latest checkpoint's).</summary>
public sealed record GetInclusionProof(long? Sequence, long? TreeSize) : IRequest<InclusionProofView>, IAuditedRequest
{
    public string AuditAction => AuditActions.AuditProofInclusion;
}

public sealed record GetConsistencyProof(long? First, long? Second) : IRequest<ConsistencyProofView>, IAuditedRequest
{
    public string AuditAction => AuditActions.AuditProofConsistency;
}

public sealed class GetInclusionProofHandler(ProofReader proofs, Governance.Audit.Publishing.CheckpointStore checkpoints)
    : IRequestHandler<GetInclusionProof, InclusionProofView>
{
    public async Task<InclusionProofView> Handle(GetInclusionProof request, CancellationToken cancellationToken)
    {
        var sequence = request.Sequence ?? throw new BadInputException(ErrorCodes.ValidationFailed, "sequence is required.");
        var size = request.TreeSize ?? (await checkpoints.LatestAsync(cancellationToken))?.Body.TreeSize
            ?? throw new NotFoundException("No checkpoint has been published yet; give tree_size.");
        await ProofBounds.CheckAsync(proofs, size, cancellationToken);
        if (sequence < 1 || sequence > size)
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, $"sequence must be between 1 and tree_size ({size}).");
        }

        var path = await proofs.InclusionAsync(sequence, size, cancellationToken);
        var leaf = await proofs.LeafHashAsync(sequence, cancellationToken);
        return new InclusionProofView(sequence, sequence - 1, size, Convert.ToHexStringLower(leaf), Hex.All(path));
    }
}

public sealed class GetConsistencyProofHandler(ProofReader proofs) : IRequestHandler<GetConsistencyProof, ConsistencyProofView>
{
    public async Task<ConsistencyProofView> Handle(GetConsistencyProof request, CancellationToken cancellationToken)
    {
        if (request.First is not { } first || request.Second is not { } second || first < 1 || first > second)
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, "first and second are required, with 1 <= first <= second.");
        }

        await ProofBounds.CheckAsync(proofs, second, cancellationToken);
        return new ConsistencyProofView(first, second, Hex.All(await proofs.ConsistencyAsync(first, second, cancellationToken)));
    }
}

internal static class ProofBounds
{
    public static async Task CheckAsync(ProofReader proofs, long treeSize, CancellationToken ct)
    {
        var current = await proofs.TreeSizeAsync(ct);
        if (treeSize < 1 || treeSize > current)
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, $"tree size must be between 1 and the current tree size ({current}).");
        }
    }
}
