package backprop.nativekernels;

import backprop.engine.backend.BackendProvider;
import backprop.engine.backend.JavaBackend;

/** The suite on the reference itself: checks the suite (and the Java kernels' offsets) with zero tolerance needed. */
class JavaParityTest extends BackendParityTest {
    @Override BackendProvider provider() { return new JavaBackend.Provider(); }
}
