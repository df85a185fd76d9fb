using Governance.Api.Errors;
using Governance.Api.ModelStore;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Models;
using Governance.Inference.Remote;
using Governance.Inference.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Models;

/// <summary>
/// Registers a model version: the file's SHA-256 is computed here, the model is loaded for serving and
/// its graph checked against the manifest (a model that cannot load is refused here, with the reason),
/// the file is stored content-addressed and the version recorded with its digest. A version served by a remote
/// backend has no file: the backend's metadata is checked against the manifest instead, and the digest is that
/// of the manifest as stored (what was registered), see <see cref="RemoteRegistration"/>.
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
    RemoteModels remotes,
    AuditScope scope,
    CurrentPrincipal principal,
    TimeProvider time) : IRequestHandler<RegisterModel, RegisteredModel>
{
    public async Task<RegisteredModel> Handle(RegisterModel request, CancellationToken cancellationToken)
    {
        var manifest = request.Manifest;
        scope.ModelName = manifest.Name;
        scope.ModelVersion = manifest.Version;
        var sha256 = manifest.IsRemote ? RemoteRegistration.Digest(manifest) : ModelLoader.ComputeSha256(request.OnnxFile);
        scope.ModelDigest = sha256;
        if (await db.ModelVersions.AnyAsync(m => m.Name == manifest.Name && m.Version == manifest.Version, cancellationToken))
        {
            throw new ConflictException($"Model '{manifest.Name}' version '{manifest.Version}' is already registered; versions are immutable.");
        }

        if (manifest.IsRemote)
        {
            await RemoteRegistration.VerifyAsync(remotes.Create(manifest), cancellationToken);
            var at = await StoreAsync(request, manifest, sha256, cancellationToken);
            return new RegisteredModel(manifest.Name, manifest.Version, manifest.Task, sha256, RemoteRegistration.Size(manifest), at);
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
        if (!manifest.IsRemote)
        {
            await files.SaveAsync(request.OnnxFile, sha256, cancellationToken);
        }

        var record = new ModelVersionRecord
        {
            Name = manifest.Name,
            Version = manifest.Version,
            Task = manifest.Task,
            Sha256 = sha256,
            SizeBytes = manifest.IsRemote ? RemoteRegistration.Size(manifest) : request.OnnxFile.LongLength,
            Manifest = ManifestJson.Serialize(manifest),
            RegisteredAt = time.GetUtcNow(),
            RegisteredBy = principal.Id,
        };
        db.ModelVersions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.RegisteredAt;
    }
}
