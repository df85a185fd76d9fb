using Microsoft.ML.OnnxRuntime;

namespace Governance.Benchmarks.Setup;

/// <summary>
/// The cheapest correct ONNX Runtime call for a one-input, one-output FP32 model: input and output
/// tensors are pinned over preallocated arrays once, so a run allocates nothing on the managed side.
/// Not thread-safe: one benchmark thread owns it.
/// </summary>
internal sealed class BareRun : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _inputs;
    private readonly OrtValue[] _outputs;

    public BareRun(InferenceSession session, string inputName, long[] inputShape, string outputName, long[] outputShape)
    {
        _session = session;
        _inputNames = [inputName];
        _outputNames = [outputName];
        Input = new float[inputShape[0] * inputShape[1]];
        Output = new float[outputShape[0] * outputShape[1]];
        _inputs = [OrtValue.CreateTensorValueFromMemory(Input, inputShape)];
        _outputs = [OrtValue.CreateTensorValueFromMemory(Output, outputShape)];
    }

    /// <summary>Row-major input; write it before <see cref="Run"/>, ONNX Runtime reads it in place.</summary>
    public float[] Input { get; }

    /// <summary>Row-major output, written in place by <see cref="Run"/>.</summary>
    public float[] Output { get; }

    public float[] Run()
    {
        _session.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);
        return Output;
    }

    public void Dispose()
    {
        _inputs[0].Dispose();
        _outputs[0].Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }
}
