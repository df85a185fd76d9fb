namespace Governance.Domain.Models;

/// <summary>A declared model input or output. A dimension of -1 accepts any size.</summary>
public sealed record TensorSpec(string Name, TensorDataType DataType, IReadOnlyList<long> Shape);
