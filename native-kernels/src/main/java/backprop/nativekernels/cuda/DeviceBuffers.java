package backprop.nativekernels.cuda;

import static backprop.nativekernels.cuda.CudaCheck.cuda;

import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A few device buffers, one per role a kernel needs (its inputs, its output, a workspace),
 * each grown when a call needs more and otherwise reused: after the first steps of training no
 * call allocates. Copies go through one pinned host buffer, because the SPI hands us
 * {@code float[]}s and {@code cudaMemcpy} from pinned memory is synchronous, so the one staging
 * buffer is free again as soon as a copy returns.
 */
final class DeviceBuffers implements AutoCloseable {
    static final int SLOTS = 4;

    private final Pointer[] device = new Pointer[SLOTS];
    private final long[] deviceBytes = new long[SLOTS];
    private FloatPointer staging;
    private long stagingFloats;

    /** Device memory of slot {@code slot}, at least {@code bytes} long (never less than 256 bytes, never null). */
    Pointer bytes(int slot, long bytes) {
        long want = Math.max(bytes, 256);
        if (deviceBytes[slot] < want) {
            if (device[slot] != null) cuda(cudart.cudaFree(device[slot]), "cudaFree");
            device[slot] = null;
            deviceBytes[slot] = 0;
            long size = grown(deviceBytes[slot], want);
            Pointer p = new Pointer();
            cuda(cudart.cudaMalloc(p, size), "cudaMalloc(" + size + " bytes)");
            device[slot] = p;
            deviceBytes[slot] = size;
        }
        return device[slot];
    }

    /** Device memory of slot {@code slot} viewed as floats, room for at least {@code floats}. */
    FloatPointer floats(int slot, long floats) {
        return new FloatPointer(bytes(slot, floats * Float.BYTES));
    }

    /** Copies {@code src[off, off+len)} to the start of slot {@code slot} and returns it. */
    FloatPointer upload(int slot, float[] src, int off, long len) {
        FloatPointer d = floats(slot, len);
        FloatPointer h = staging(len);
        h.position(0).put(src, off, (int) len);
        cuda(cudart.cudaMemcpy(d, h, len * Float.BYTES, cudart.cudaMemcpyHostToDevice), "cudaMemcpy host to device");
        return d;
    }

    /** Copies the first {@code len} floats of slot {@code slot} into {@code dst[off, off+len)}. */
    void download(int slot, float[] dst, int off, long len) {
        FloatPointer h = staging(len);
        cuda(cudart.cudaMemcpy(h, device[slot], len * Float.BYTES, cudart.cudaMemcpyDeviceToHost), "cudaMemcpy device to host");
        h.position(0).get(dst, off, (int) len); // only after the copy succeeded: a failure leaves dst untouched
    }

    private FloatPointer staging(long floats) {
        if (stagingFloats < floats) {
            if (staging != null) cuda(cudart.cudaFreeHost(staging), "cudaFreeHost");
            staging = null;
            stagingFloats = 0;
            long size = grown(0, floats * Float.BYTES);
            Pointer p = new Pointer();
            cuda(cudart.cudaMallocHost(p, size), "cudaMallocHost(" + size + " bytes)");
            staging = new FloatPointer(p).capacity(size / Float.BYTES);
            stagingFloats = size / Float.BYTES;
        }
        return staging;
    }

    /** Round up to a power of two (at least 1 MiB) so a slowly growing size does not reallocate every call. */
    private static long grown(long old, long want) {
        long size = Math.max(1L << 20, Long.highestOneBit(want));
        while (size < want) size <<= 1;
        return Math.max(size, old);
    }

    @Override
    public void close() {
        for (int i = 0; i < SLOTS; i++) {
            if (device[i] != null) cudart.cudaFree(device[i]);
            device[i] = null;
            deviceBytes[i] = 0;
        }
        if (staging != null) cudart.cudaFreeHost(staging);
        staging = null;
        stagingFloats = 0;
    }
}
