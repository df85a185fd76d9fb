using System.Text.Json.Serialization;

namespace Governance.Domain.Models;

/// <summary>
/// What an admin declares when registering a model version. The platform checks the ONNX file
/// against it (names, types, shapes) and serves it under <see cref="Name"/>/<see cref="Version"/>.
/// <see cref="DataCategories"/> and <see cref="License"/> are optional and feed policy conditions
/// (model.data_categories, model.license.*); see docs/models.md. <see cref="Encoder"/> makes a model a
/// text encoder (embeddings); <see cref="Batching"/> opts it into dynamic batching; <see cref="Sessions"/>
/// sizes its session pool; <see cref="Backend"/> says where it computes (absent: locally, from the uploaded file).
/// </summary>
public sealed record ModelManifest(
    string Name,
    string Version,
    string Task,
    IReadOnlyList<string> Tags,
    IReadOnlyList<TensorSpec> Inputs,
    IReadOnlyList<TensorSpec> Outputs,
    IReadOnlyList<string> Labels,
    TextFeaturizerSpec? Featurizer = null,
    IReadOnlyList<string>? DataCategories = null,
    ModelLicenseTerms? License = null,
    TextEncoderSpec? Encoder = null,
    BatchingSpec? Batching = null,
    ModelBackendSpec? Backend = null,
    SessionPoolSpec? Sessions = null)
{
    /// <summary>Whether a remote Open Inference Protocol server computes this version (no file is uploaded).</summary>
    [JsonIgnore]
    public bool IsRemote => Backend?.IsRemote == true;
}

/// <summary>
/// How text becomes the model's input tensor for text models (the /predict endpoint).
/// Kind "hashed-ngrams": lower-cased word unigrams and bigrams plus character n-grams of
/// lengths <see cref="CharNgramMin"/>..<see cref="CharNgramMax"/>, hashed (FNV-1a 32) into
/// <see cref="Dimensions"/> buckets, L2-normalised.
/// </summary>
public sealed record TextFeaturizerSpec(string Kind, int Dimensions, int CharNgramMin, int CharNgramMax);
