using Governance.Api.Catalog;
using Governance.Api.Errors;
using Governance.Api.Observability;
using Governance.Api.Persistence;
using Governance.Audit;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Governance.Api.Pipeline;

/// <summary>
/// Outermost behaviour: whatever happens below is recorded, and the response leaves only after its
/// entry is durable. Commands commit their changes and their entry in one transaction; reads and
/// inferences use the group-committed log. If the entry cannot be written the caller gets 503 and
/// no output (fail closed). Appends ignore the request's cancellation: a call the client abandoned
/// after the model ran is still recorded.
/// </summary>
public sealed class AuditBehaviour<TRequest, TResponse>(
    IAuditLog auditLog,
    AuditScope scope,
    AuditEntryFactory entries,
    GovernanceDbContext db,
    CatalogFence fence,
    GovernanceTelemetry telemetry) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var audited = request as IAuditedRequest
            ?? throw new InvalidOperationException($"{typeof(TRequest).Name} must implement {nameof(IAuditedRequest)}.");
        scope.Action = audited.AuditAction;
        if (request is IModelCall call)
        {
            scope.ModelName = call.ModelName;
            scope.ModelVersion = call.ModelVersion;
        }

        return request is ICommand
            ? await HandleCommandAsync(audited, next, cancellationToken)
            : await HandleQueryAsync(audited, next, cancellationToken);
    }

    private async Task<TResponse> HandleQueryAsync(IAuditedRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken ct)
    {
        TResponse response;
        try
        {
            response = await next();
        }
        catch (Exception ex) when (ex is not AuditUnavailableException)
        {
            await RecordFailureAsync(ex);
            throw;
        }

        scope.Receipt = await AppendTimedAsync(entries.Create(scope, request.SuccessStatusCode, null));
        // A data-subject request must find every read of that person's data: one entry per person shown.
        await Task.WhenAll(scope.Disclosed.Select(subject =>
            auditLog.AppendAsync(entries.Disclosure(scope, subject), CancellationToken.None).AsTask()));
        return response;
    }

    private async Task<TResponse> HandleCommandAsync(IAuditedRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken ct)
    {
        TResponse response;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                response = await next();
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                var entry = entries.Create(scope, request.SuccessStatusCode, null);
                var labels = telemetry.Labels(scope.ModelName, scope.ModelVersion);
                WrittenAuditEntry written;
                using (telemetry.Time(StageNames.AuditDurable, labels))
                {
                    written = await auditLog.AppendInTransactionAsync(connection, (NpgsqlTransaction)transaction.GetDbTransaction(), entry, ct);
                    await CommitAsync(transaction, ct);
                }

                // Committed and durable; the receipt (log sequence) follows once the sequencer has it (ADR-010).
                using (telemetry.Time(StageNames.AuditIntegrated, labels))
                {
                    scope.Receipt = await auditLog.WaitForIntegrationAsync(written, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is not AuditUnavailableException)
            {
                scope.DiscardAfterCommit();
                db.ChangeTracker.Clear();
                await RecordFailureAsync(ex);
                throw;
            }
        }

        // A committed change to what calls are decided on binds every process before the answer leaves (ADR-015).
        await fence.WaitAsync(CancellationToken.None);
        await scope.RunAfterCommitAsync();
        return response;
    }

    private static async Task CommitAsync(IDbContextTransaction transaction, CancellationToken ct)
    {
        try
        {
            await transaction.CommitAsync(ct);
        }
        catch (NpgsqlException ex)
        {
            // The outcome of a failed COMMIT is unknown to us; the caller must not see success.
            throw new AuditUnavailableException("the command's transaction could not be committed", ex);
        }
    }

    private async Task RecordFailureAsync(Exception exception)
    {
        var c = ExceptionClassifier.Classify(exception);
        scope.Receipt = await AppendTimedAsync(entries.Create(scope, c.Status, c.Code));
    }

    // The two waits of ADR-024, measured apart: durable (group commit) and integrated (the sequencer's receipt).
    private async Task<AuditReceipt> AppendTimedAsync(AuditEntry entry)
    {
        var labels = telemetry.Labels(scope.ModelName, scope.ModelVersion);
        WrittenAuditEntry written;
        using (telemetry.Time(StageNames.AuditDurable, labels))
        {
            written = await auditLog.WriteAsync(entry, CancellationToken.None);
        }

        using (telemetry.Time(StageNames.AuditIntegrated, labels))
        {
            return await auditLog.WaitForIntegrationAsync(written, CancellationToken.None);
        }
    }
}
