using Governance.Api.Errors;
using Governance.Api.ModelStore;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Models;
using Governance.Inference.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Models;

/// <summary>
/// Registers a model version: the file's SHA-256 is computed here, the ONNX graph is checked against
/// the manifest, the file is stored content-addressed and the version recorded with its digest.
/// </summary>
public sealed record RegisterModel(ModelManifest Manifest, byte[] OnnxFile) : IRequest<RegisteredModel>, ICommand
{
    public string AuditAction => "model.register";

    public int SuccessStatusCode => StatusCodes.Status201Created;
}

public sealed record RegisteredModel(string Name, string Version, string Task, string Sha256, long SizeBytes, DateTimeOffset RegisteredAt);

public sealed partial class RegisterModelHandler(
    GovernanceDbContext db,
    ModelFileStore files,
    ModelCatalog catalog,
    AuditScope scope,
    CurrentPrincipal principal,
    TimeProvider time,
    ILogger<RegisterModelHandler> logger) : IRequestHandler<RegisterModel, RegisteredModel>
{
    public async Task<RegisteredModel> Handle(RegisterModel request, CancellationToken cancellationToken)
    {
        var manifest = request.Manifest;
        scope.ModelName = manifest.Name;
        scope.ModelVersion = manifest.Version;
        var sha256 = ModelLoader.ComputeSha256(request.OnnxFile);
        scope.ModelDigest = sha256;
        ManifestConformance.Check(manifest, request.OnnxFile);
        if (await db.ModelVersions.AnyAsync(m => m.Name == manifest.Name && m.Version == manifest.Version, cancellationToken))
        {
            throw new ConflictException($"Model '{manifest.Name}' version '{manifest.Version}' is already registered; versions are immutable.");
        }

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
        scope.AfterCommit(() => LoadAsync(record));
        return new RegisteredModel(record.Name, record.Version, record.Task, sha256, record.SizeBytes, record.RegisteredAt);
    }

    private async Task LoadAsync(ModelVersionRecord record)
    {
        try
        {
            await catalog.EnsureLoadedAsync(record, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Registered but not loadable here: readiness says so and the next call retries the load.
            LogLoadFailed(logger, ex, record.Name, record.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Registered model {Name}/{Version} could not be loaded")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, string name, string version);
}
