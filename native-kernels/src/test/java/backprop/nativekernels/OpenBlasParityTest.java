package backprop.nativekernels;

import backprop.engine.backend.BackendProvider;
import backprop.nativekernels.openblas.OpenBlasProvider;

/** The suite on OpenBLAS. Add a subclass like this one for each new backend (cuda). */
class OpenBlasParityTest extends BackendParityTest {
    @Override BackendProvider provider() { return new OpenBlasProvider(); }
}
