#!/bin/sh
# The README's bench table in one run: PyTorch (Debian's python3-torch, 2 threads), OpenBLAS's
# raw sgemm, then `bench --all` (each available backend in turn), then openblas with two threads. Needs the jar built
# (mvn -B -q -DskipTests package). Usage: bench/side_by_side.sh [seconds]
S=${1:-2}
JAR=app/target/backprop-studio.jar
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 bench/torch_reference.py --seconds "$S"
java -cp "$JAR" backprop.nativekernels.openblas.RawSgemmBenchmark 1024 "$S"
java -jar "$JAR" bench --all --seconds "$S"
# PyTorch above used two threads; the engine's openblas backend uses one unless told otherwise.
echo "== openblas with 2 threads (-Dbackprop.openblas.threads=2)"
java -Dbackprop.openblas.threads=2 -jar "$JAR" bench --backend openblas --model mlp-784-128-10,char-lstm --seconds "$S"
