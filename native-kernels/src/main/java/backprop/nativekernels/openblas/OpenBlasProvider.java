package backprop.nativekernels.openblas;

import backprop.engine.backend.Backend;
import backprop.engine.backend.BackendProvider;

/** ServiceLoader entry: ranked above java (10 against 0); loads nothing until probed. */
public final class OpenBlasProvider implements BackendProvider {
    @Override public String name() { return "openblas"; }
    @Override public int rank() { return 10; }
    @Override public Availability probe() { return OpenBlasLibrary.probe(); }

    @Override
    public Backend create() {
        if (!probe().available()) throw new IllegalStateException("openblas cannot run: " + probe().reason());
        return new OpenBlasBackend();
    }
}
