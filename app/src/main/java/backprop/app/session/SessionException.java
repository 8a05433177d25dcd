package backprop.app.session;

import backprop.engine.spec.UserFileException;

/** A session file that cannot be opened: one line naming the file, the JSON path and the problem. */
public final class SessionException extends UserFileException {
    public SessionException(String file, String path, String problem) {
        super(file, path, problem);
    }
}
