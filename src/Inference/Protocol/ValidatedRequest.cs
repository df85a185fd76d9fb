using Governance.Inference.Tensors;

namespace Governance.Inference.Protocol;

/// <summary>
/// Inputs checked against the model, in the model's input order, and the outputs to compute.
/// A batcher may build one from several validated requests concatenated along the first dimension.
/// </summary>
public sealed record ValidatedRequest(IReadOnlyList<NamedTensor> Inputs, IReadOnlyList<string> OutputNames);
