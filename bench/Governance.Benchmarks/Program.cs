using BenchmarkDotNet.Running;
using Governance.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(QuickArgs).Assembly).Run(QuickArgs.Expand(args));
