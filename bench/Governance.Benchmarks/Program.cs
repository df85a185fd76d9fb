using BenchmarkDotNet.Running;
using Governance.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(QuickArgs.Expand(args));
