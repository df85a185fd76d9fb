using Governance.Domain.Models;

namespace Governance.DemoModels;

/// <summary>A generated model: its ONNX bytes, the manifest to register it with, and its evaluation figures.</summary>
public sealed record DemoModel(byte[] OnnxBytes, ModelManifest Manifest, IReadOnlyDictionary<string, double> Metrics);
