using System.Diagnostics;
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
/// entry is durable, with its final receipt (ADR-029: the sequence is fixed at commit, so the answer
/// does not wait for the Merkle integration, which is only measured). Commands commit their changes and their entry in one transaction; reads and
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

        scope.Receipt = await WriteTimedAsync(entries.Create(scope, request.SuccessStatusCode, null));
        // A data-subject request must find every read of that person's data: one entry per person shown.
        if (scope.Disclosed.Count > 0)
        {
            await Task.WhenAll(scope.Disclosed.Select(subject =>
                auditLog.WriteAsync(entries.Disclosure(scope, subject), CancellationToken.None).AsTask()));
        }
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
                AuditReceipt receipt;
                using (telemetry.Time(StageNames.AuditDurable, labels))
                {
                    receipt = await auditLog.AppendInTransactionAsync(connection, (NpgsqlTransaction)transaction.GetDbTransaction(), entry, ct);
                    await CommitAsync(transaction, ct);
                }

                // Committed and durable: the receipt is final (its sequence was taken in the transaction).
                scope.Receipt = receipt;
                ObserveIntegration(receipt, labels);
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
        scope.Receipt = await WriteTimedAsync(entries.Create(scope, c.Status, c.Code));
    }

    // ADR-029: one wait, for durability; the receipt it returns is final.
    private async Task<AuditReceipt> WriteTimedAsync(AuditEntry entry)
    {
        var labels = telemetry.Labels(scope.ModelName, scope.ModelVersion);
        AuditReceipt receipt;
        using (telemetry.Time(StageNames.AuditDurable, labels))
        {
            receipt = await auditLog.WriteAsync(entry, CancellationToken.None);
        }

        ObserveIntegration(receipt, labels);
        return receipt;
    }

    // Not waited for: the lag from durable to integrated is still measured, off the response's path.
    private void ObserveIntegration(AuditReceipt receipt, ModelLabels labels)
    {
        var started = Stopwatch.GetTimestamp();
        _ = RecordWhenIntegratedAsync(auditLog.WaitForIntegrationAsync(receipt, CancellationToken.None), telemetry, labels, started);

        static async Task RecordWhenIntegratedAsync(ValueTask<AuditReceipt> integrated, GovernanceTelemetry telemetry, ModelLabels labels, long started)
        {
            try
            {
                await integrated;
                telemetry.Stage(StageNames.AuditIntegrated, labels, Stopwatch.GetElapsedTime(started));
            }
            catch (AuditUnavailableException)
            {
                // Durable but not integrated in time: the sequencer logs why; the answer was not affected.
            }
        }
    }
}
