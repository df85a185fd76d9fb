using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Publishing;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Audit;

/// <summary>
/// A witness's cosignature of the checkpoint of <see cref="TreeSize"/> entries: one signed-note line
/// (<c>— &lt;witness name&gt; base64(key hash || signature)</c>). It is kept only if a configured witness
/// key verifies it; the checkpoint is then published with the line appended.
/// </summary>
public sealed record AddCosignature(long TreeSize, string? Signature) : IRequest<CheckpointView>, IAuditedRequest
{
    public string AuditAction => AuditActions.AuditCosignatureAdd;

    public int SuccessStatusCode => StatusCodes.Status201Created;
}

public sealed record CosignatureBody(string? Signature);

public sealed class AddCosignatureHandler(CheckpointStore checkpoints, CosignatureStore cosignatures, AuditKeys keys)
    : IRequestHandler<AddCosignature, CheckpointView>
{
    public async Task<CheckpointView> Handle(AddCosignature request, CancellationToken cancellationToken)
    {
        NoteSignature line;
        try
        {
            line = NoteSignature.Parse((request.Signature ?? throw new FormatException("signature is required.")).TrimEnd('\n'));
        }
        catch (FormatException e)
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, "signature: " + e.Message);
        }

        var witness = keys.Witnesses.FirstOrDefault(k => k.Matches(line))
            ?? throw new BadInputException(ErrorCodes.ValidationFailed, $"signature: {line.KeyName} ({Convert.ToHexStringLower(line.KeyHash)}) is not a configured witness key.");
        var checkpoint = await checkpoints.AtAsync(request.TreeSize, cancellationToken)
            ?? throw new NotFoundException($"There is no checkpoint of tree size {request.TreeSize}.");
        if (!witness.Verify(checkpoint.SignedBytes(), line))
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, $"signature: the cosignature by {witness.Name} does not verify for checkpoint {request.TreeSize}.");
        }

        await cosignatures.AddAsync(request.TreeSize, line, cancellationToken);
        return CheckpointView.From(await cosignatures.PublishedAsync(checkpoint, cancellationToken));
    }
}
