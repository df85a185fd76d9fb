using Governance.Api.Errors;
using Governance.Api.ModelStore;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Models;
using Governance.Inference.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Models;

/// <summary>
/// Registers a model version: the file's SHA-256 is computed here, the model is loaded for serving and
/// its graph checked against the manifest (a model that cannot load is refused here, with the reason),
/// the file is stored content-addressed and the version recorded with its digest.
/// </summary>
public sealed record RegisterModel(ModelManifest Manifest, byte[] OnnxFile) : IRequest<RegisteredModel>, IAdminCommand
{
    public string AuditAction => AuditActions.ModelRegister;

    public int SuccessStatusCode => StatusCodes.Status201Created;
}

public sealed record RegisteredModel(string Name, string Version, string Task, string Sha256, long SizeBytes, DateTimeOffset RegisteredAt);

public sealed class RegisterModelHandler(
    GovernanceDbContext db,
    ModelFileStore files,
    ModelCatalog catalog,
    ModelLoader loader,
    AuditScope scope,
    CurrentPrincipal principal,
    TimeProvider time) : IRequestHandler<RegisterModel, RegisteredModel>
{
    public async Task<RegisteredModel> Handle(RegisterModel request, CancellationToken cancellationToken)
    {
        var manifest = request.Manifest;
        scope.ModelName = manifest.Name;
        scope.ModelVersion = manifest.Version;
        var sha256 = ModelLoader.ComputeSha256(request.OnnxFile);
        scope.ModelDigest = sha256;
        if (await db.ModelVersions.AnyAsync(m => m.Name == manifest.Name && m.Version == manifest.Version, cancellationToken))
        {
            throw new ConflictException($"Model '{manifest.Name}' version '{manifest.Version}' is already registered; versions are immutable.");
        }

        var loaded = ManifestConformance.Load(loader, manifest, request.OnnxFile, sha256, cancellationToken);
        DateTimeOffset registeredAt;
        try
        {
            registeredAt = await StoreAsync(request, manifest, sha256, cancellationToken);
        }
        catch
        {
            loaded.Dispose();
            throw;
        }

        // Served once the registration (and its audit entry) commits; a rollback leaves it unserved.
        scope.AfterCommit(() =>
        {
            catalog.Serve(loaded);
            return Task.CompletedTask;
        });
        return new RegisteredModel(manifest.Name, manifest.Version, manifest.Task, sha256, request.OnnxFile.LongLength, registeredAt);
    }

    private async Task<DateTimeOffset> StoreAsync(RegisterModel request, ModelManifest manifest, string sha256, CancellationToken cancellationToken)
    {
        await files.SaveAsync(request.OnnxFile, sha256, cancellationToken);
        var record = new ModelVersionRecord
        {
            Name = manifest.Name,
            Version = manifest.Version,
            Task = manifest.Task,
            Sha256 = sha256,
            SizeBytes = request.OnnxFile.LongLength,
            Manifest = System.Text.Json.JsonSerializer.Serialize(manifest, ManifestJson.Options),
            RegisteredAt = time.GetUtcNow(),
            RegisteredBy = principal.Id,
        };
        db.ModelVersions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.RegisteredAt;
    }
}
