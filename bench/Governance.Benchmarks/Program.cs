using BenchmarkDotNet.Running;
using Governance.Benchmarks;

if (args is ["write-audit-export", ..])
{
    // Not a benchmark: writes the input that bench/audit-verify.sh times `governance audit verify` on.
    return MerkleExportGenerator.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(QuickArgs).Assembly).Run(QuickArgs.Expand(args));
return 0;
