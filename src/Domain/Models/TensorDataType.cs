namespace Governance.Domain.Models;

/// <summary>Tensor element types of the Open Inference Protocol (KServe v2), by their wire names.</summary>
public enum TensorDataType
{
    Bool,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Int8,
    Int16,
    Int32,
    Int64,
    Fp16,
    Fp32,
    Fp64,
    Bytes,
}
