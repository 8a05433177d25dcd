package backprop.engine.data.table;

import backprop.engine.spec.UserFileException;

/**
 * A data table that cannot be used, with the file and the place in it ("line 7, column 3
 * 'petal_width'", or a JSON path for a table embedded in a network file), in one line.
 */
public final class TableException extends UserFileException {
    public TableException(String file, String place, String problem) {
        super(file, place, problem);
    }
}
