#!/usr/bin/env bash
# Opt-in, GPU hosts only (never part of `make run` or `make test`): adds ONNX Runtime's CUDA and
# TensorRT execution providers for 1.29 from npm. They need CUDA 13 (libcudart.so.13, libcublas.so.13,
# libcublasLt.so.13, libcurand.so.10) and cuDNN 9 on the loader path at run time. After this, rebuild:
# the providers are copied beside libonnxruntime.so, and ExecutionProvider=Auto picks CUDA.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash eng/deps.sh
npm install --no-save --no-audit --no-fund --loglevel=error com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9
ls node_modules/com.github.asus4.onnxruntime.linux-x64-gpu/Plugins/Linux/x64/
echo "GPU providers installed; now: dotnet build -c Release, and set Governance__Models__ExecutionProvider=Cuda to require the GPU."
