#!/usr/bin/env bash
# Builds the GPU-check bundle HERE (a machine with a JDK 17+, Maven and the dependencies in
# ~/.m2), for a GPU machine that has CUDA 13 + cuDNN 9 + a driver but no JDK and no internet.
# The bundle (gpu-check/bundle/, kept out of git) holds a jlinked Java runtime, the engine and
# native-kernels jars, the test classes with GpuCheck, JavaCPP, the CUDA bindings and only the
# three JNI wrappers the cuda backend loads (jnicudart, jnicublas, jnicudnn). It must stay under
# 64 MiB, the most that travels to a lent GPU machine; this script measures it and fails if not.
#
# Usage: native-kernels/gpu-check/prepare.sh      (MVN_OFFLINE= to let Maven go online)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle="$here/bundle"
limit=$((64 * 1024 * 1024))
mvn_offline=${MVN_OFFLINE--o}

cd "$root"
echo "== building engine and native-kernels (tests not run: they run on the GPU machine)"
mvn -B -q $mvn_offline -pl engine,native-kernels -am package dependency:build-classpath \
    -DskipTests -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt

rm -rf "$bundle"
mkdir -p "$bundle/lib"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp native-kernels/target/native-kernels-*.jar "$bundle/lib/"
jar cf "$bundle/lib/native-kernels-tests.jar" -C native-kernels/target/test-classes .
tr ':' '\n' < native-kernels/target/runtime-classpath.txt | while read -r jar; do
    [ -n "$jar" ] || continue
    case "$(basename "$jar")" in
        cuda-*-linux-x86_64.jar)
            # 33 MB of JNI wrappers for every CUDA library; the backend needs three.
            (cd "$work" && mkdir -p cuda && cd cuda && unzip -q "$jar" \
                'org/bytedeco/cuda/linux-x86_64/libjnicudart.so' \
                'org/bytedeco/cuda/linux-x86_64/libjnicublas.so' \
                'org/bytedeco/cuda/linux-x86_64/libjnicudnn.so' \
                && jar cf "$bundle/lib/$(basename "$jar")" org) ;;
        junit-*|opentest4j-*|apiguardian-*) ;; # test-only: GpuCheck is a plain main
        *) cp "$jar" "$bundle/lib/" ;;
    esac
done

echo "== modules the check's code path needs (jdeps)"
# Jackson is carried but never loaded by the check; its optional java.desktop/java.sql links
# would add megabytes, so only our jars and JavaCPP's are asked. jdk.unsupported: JavaCPP
# reaches sun.misc.Unsafe.
modules=$(cd "$bundle/lib" && jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
    --class-path "$(echo javacpp-[0-9]*[0-9].jar)" \
    engine-*.jar native-kernels-*.jar javacpp-[0-9]*[0-9].jar cuda-[0-9]*[0-9].jar | tail -1)
modules=$(echo "java.base,jdk.unsupported,${modules}" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)
echo "   $modules"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$bundle/runtime"

size=$(du -sb "$bundle" | cut -f1)
printf '== bundle %s: %.1f MiB (runtime %.1f MiB, jars %.1f MiB); limit 64 MiB\n' "$bundle" \
    "$(echo "$size / 1048576" | bc -l)" \
    "$(echo "$(du -sb "$bundle/runtime" | cut -f1) / 1048576" | bc -l)" \
    "$(echo "$(du -sb "$bundle/lib" | cut -f1) / 1048576" | bc -l)"
if [ "$size" -ge "$limit" ]; then echo "bundle is over 64 MiB: it would not travel" >&2; exit 1; fi
echo "== done: run native-kernels/gpu-check/run.sh here or on the GPU machine"
