using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Audit.Publishing;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Audit;

public sealed record GetLatestCheckpoint : IRequest<CheckpointView>, IAuditedRequest
{
    public string AuditAction => AuditActions.AuditCheckpointRead;
}

/// <summary>Signs and anchors a checkpoint of the newest tree head now (or returns the one that already covers it).</summary>
public sealed record PublishCheckpoint : IRequest<CheckpointView>, IAuditedRequest
{
    public string AuditAction => AuditActions.AuditCheckpointPublish;

    public int SuccessStatusCode => StatusCodes.Status201Created;
}

/// <summary>The newest checkpoint as published: the log's signature, then the witnesses' cosignatures.</summary>
public sealed class GetLatestCheckpointHandler(CheckpointStore store, CosignatureStore cosignatures) : IRequestHandler<GetLatestCheckpoint, CheckpointView>
{
    public async Task<CheckpointView> Handle(GetLatestCheckpoint request, CancellationToken cancellationToken) =>
        CheckpointView.From(await cosignatures.PublishedAsync(
            await store.LatestAsync(cancellationToken) ?? throw new NotFoundException("No checkpoint has been published yet."), cancellationToken));
}

public sealed class PublishCheckpointHandler(CheckpointPublisher publisher) : IRequestHandler<PublishCheckpoint, CheckpointView>
{
    public async Task<CheckpointView> Handle(PublishCheckpoint request, CancellationToken cancellationToken) =>
        CheckpointView.From(await publisher.PublishAsync(cancellationToken) ?? throw new NotFoundException("The log is empty; there is nothing to checkpoint."));
}
