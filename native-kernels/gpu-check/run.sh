#!/usr/bin/env bash
# Runs THERE: a machine with an NVIDIA driver, CUDA 13 and cuDNN 9 installed, and the bundle
# that prepare.sh built (no JDK, no Maven, no internet needed). Prints nvidia-smi, which CUDA
# libraries loaded, then ONE table: every kernel's parity with the Java reference (relative
# error, bit-identical repeat, pass/fail), 100 training steps, and gemm 1024³ / LeNet conv /
# MLP step timings, cuda vs java. Exit 0: all pass, or cuda unavailable (the reason is
# printed, nothing is measured); 1: a row failed; 2: no bundle.
#
# Usage: native-kernels/gpu-check/run.sh [seconds per timing, default 2]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bundle=${BUNDLE:-$here/bundle}
if [ ! -x "$bundle/runtime/bin/java" ]; then
    echo "no bundle at $bundle: run native-kernels/gpu-check/prepare.sh first (on a machine with a JDK and Maven)" >&2
    exit 2
fi

echo "== nvidia-smi"
if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv 2>&1 || true
else
    echo "nvidia-smi not found"
fi

# The system's CUDA and cuDNN, not a redistributable: JavaCPP looks on these paths first.
libs=/usr/local/cuda/lib64:/usr/local/cuda/targets/x86_64-linux/lib:/usr/lib/x86_64-linux-gnu:/usr/lib64:/lib/x86_64-linux-gnu
export LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
cache="${TMPDIR:-/tmp}/backprop-javacpp-cache"

echo "== gpu check"
exec "$bundle/runtime/bin/java" \
    -Dorg.bytedeco.javacpp.pathsFirst=true \
    -Djava.library.path="$LD_LIBRARY_PATH" \
    -Dorg.bytedeco.javacpp.cachedir="$cache" \
    -cp "$bundle/lib/*" backprop.nativekernels.cuda.GpuCheck "$@"
