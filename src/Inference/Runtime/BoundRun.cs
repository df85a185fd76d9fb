using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Runtime;

/// <summary>
/// One session run through an <see cref="OrtIoBinding"/> (the IoBinding setting, ADR-032). Outputs are bound to host
/// memory, so on CUDA the provider copies each result once, straight into the buffer the response is read from, and
/// inputs are synchronized to the device before the run instead of inside it. On CPU it gives the same outputs as a
/// plain run (BoundRunTests), which is what lets the setting be switched on without changing answers.
/// </summary>
internal static class BoundRun
{
    public static IDisposableReadOnlyCollection<OrtValue> Run(
        InferenceSession session, RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs,
        IReadOnlyCollection<string> outputNames)
    {
        using var binding = session.CreateIoBinding();
        using var names = inputNames.GetEnumerator();
        using var values = inputs.GetEnumerator();
        while (names.MoveNext() && values.MoveNext())
        {
            binding.BindInput(names.Current, values.Current);
        }

        foreach (var output in outputNames)
        {
            binding.BindOutputToDevice(output, OrtMemoryInfo.DefaultInstance);
        }

        binding.SynchronizeBoundInputs();
        var results = session.RunWithBoundResults(runOptions, binding);
        binding.SynchronizeBoundOutputs();
        return results;
    }
}
