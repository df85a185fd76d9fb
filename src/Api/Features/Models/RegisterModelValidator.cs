using FluentValidation;
using Governance.Domain.Models;
using Governance.Inference.Batching;
using Governance.Inference.Runtime;
using Governance.Inference.Tensors;

namespace Governance.Api.Features.Models;

public sealed class RegisterModelValidator : AbstractValidator<RegisterModel>
{
    public RegisterModelValidator()
    {
        RuleFor(r => r.OnnxFile).NotEmpty().When(r => !r.Manifest.IsRemote).WithMessage("The .onnx file is empty.");
        RuleFor(r => r.OnnxFile).Empty().When(r => r.Manifest.IsRemote)
            .WithMessage("A version served by a remote backend takes no file: the backend holds the model.").WithName("file");
        RuleFor(r => r.Manifest.Name).Matches("^[a-z0-9][a-z0-9._-]{0,62}$")
            .WithMessage("Model name must be 1-63 characters of a-z, 0-9, '.', '_', '-'.").WithName("manifest.name");
        RuleFor(r => r.Manifest.Version).Matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")
            .WithMessage("Version must be 1-63 characters of letters, digits, '.', '_', '-'.").WithName("manifest.version");
        RuleFor(r => r.Manifest.Task).NotEmpty().MaximumLength(100).WithName("manifest.task");
        RuleFor(r => r.Manifest.Tags).Must(t => t.Count <= 50 && t.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 100))
            .WithMessage("At most 50 tags of 1-100 characters.").WithName("manifest.tags");
        RuleFor(r => r.Manifest.Inputs).NotEmpty().WithName("manifest.inputs");
        RuleFor(r => r.Manifest.Outputs).NotEmpty().WithName("manifest.outputs");
        RuleForEach(r => r.Manifest.Inputs).Must(BeWellFormed).WithMessage(ShapeRule.Replace("{0}", "input", StringComparison.Ordinal)).WithName("manifest.inputs");
        RuleForEach(r => r.Manifest.Outputs).Must(BeWellFormed).WithMessage(ShapeRule.Replace("{0}", "output", StringComparison.Ordinal)).WithName("manifest.outputs");
        RuleFor(r => r.Manifest).Must(m => m.Inputs.Concat(m.Outputs).Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() == m.Inputs.Count + m.Outputs.Count)
            .WithMessage("Tensor names must be unique.").WithName("manifest");
        RuleFor(r => r.Manifest.Labels).Must(l => l.Count <= 10_000 && l.Distinct(StringComparer.Ordinal).Count() == l.Count)
            .WithMessage("Labels must be unique (at most 10,000).").WithName("manifest.labels");
        RuleFor(r => r.Manifest.Featurizer).Must(f => f is null || (f.Kind == "hashed-ngrams" && f.Dimensions is >= 16 and <= 1 << 20 && f.CharNgramMin is >= 1 and <= 8 && f.CharNgramMax >= f.CharNgramMin && f.CharNgramMax <= 8))
            .WithMessage("Featurizer must be kind 'hashed-ngrams' with 16..1048576 dimensions and 1 <= charNgramMin <= charNgramMax <= 8.").WithName("manifest.featurizer");
        RuleFor(r => r.Manifest).Custom((manifest, context) =>
        {
            foreach (var problem in manifest.Encoder is null ? [] : TextEncoder.Problems(manifest))
            {
                context.AddFailure("manifest.encoder", problem);
            }

            foreach (var problem in manifest.Batching?.Problems() ?? [])
            {
                context.AddFailure("manifest.batching", problem);
            }

            foreach (var problem in RemoteBackendRules.Problems(manifest))
            {
                context.AddFailure("manifest.backend", problem);
            }

            foreach (var problem in manifest.Sessions?.Problems() ?? [])
            {
                context.AddFailure("manifest.sessions", problem);
            }

            foreach (var problem in manifest.Encoder is null ? TensorBatcher.Problems(manifest) : [])
            {
                context.AddFailure("manifest.batching", problem);
            }
        });
        RuleFor(r => r.Manifest.DataCategories).Custom((categories, context) =>
        {
            foreach (var problem in DataCategories.Problems(categories))
            {
                context.AddFailure("manifest.dataCategories", problem);
            }
        });
        RuleFor(r => r.Manifest.License).Custom((license, context) =>
        {
            foreach (var problem in license?.Problems() ?? [])
            {
                context.AddFailure("manifest.license", problem);
            }
        });
    }

    private const string ShapeRule = "Each {0} needs a name and a shape of at most 32 dimensions, each >= 0 or -1 (any size); [] is a scalar.";

    // Scalars ([]) and zero-size dimensions are real ONNX shapes (docs/models.md); only -1 means "any".
    private static bool BeWellFormed(TensorSpec? spec) =>
        spec is not null && !string.IsNullOrWhiteSpace(spec.Name) && spec.Name.Length <= 200
        && spec.Shape is { Count: <= TensorShape.MaxRank } && spec.Shape.All(d => d >= -1);
}
