using Governance.Domain.Models;

namespace Governance.MiniLm;

/// <summary>
/// The manifest all-MiniLM-L6-v2 is registered with: a BERT-uncased WordPiece encoder of 384 dimensions,
/// mean pooled and normalized as sentence-transformers does, batched up to 64 rows.
/// </summary>
public static class MiniLmManifest
{
    public const string Name = "all-minilm-l6-v2";
    public const string Version = "1";
    public const int Dimensions = 384;

    public static ModelManifest Create(IReadOnlyList<string> vocabulary, BatchingSpec? batching = null) => new(
        Name,
        Version,
        "sentence-embedding",
        ["demo", "embeddings", "sentence-transformers"],
        [Ids("input_ids"), Ids("attention_mask"), Ids("token_type_ids")],
        [
            new TensorSpec("last_hidden_state", TensorDataType.Fp32, [-1, -1, Dimensions]),
            new TensorSpec("924", TensorDataType.Fp32, [-1, Dimensions]),
        ],
        [],
        DataCategories: ["personal"],
        License: new ModelLicenseTerms("Apache-2.0", true, "sentence-transformers (all-MiniLM-L6-v2)"),
        Encoder: new TextEncoderSpec(TextEncoderSpec.BertWordPiece, vocabulary, Lowercase: true, MaxTokens: 256),
        Batching: batching ?? new BatchingSpec(64, 2000, [16, 32, 64]));

    private static TensorSpec Ids(string name) => new(name, TensorDataType.Int64, [-1, -1]);
}
