package backprop.app.cnn;

import backprop.app.draw.CanvasPane;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * The 28×28 input grid: it shows the held-out digit, or takes a drawing: dragging with the mouse
 * paints soft, thick strokes ({@link DigitInk}), and each move is handed on at once so the
 * prediction follows the pen.
 */
final class DrawPad extends CanvasPane {
    /** Receives grid coordinates (0..28, fractional) of each drag point; {@code lift} ends a stroke. */
    interface Pen {
        void drawTo(double x, double y);

        void lift();
    }

    private float[] pixels = new float[DigitInk.SIDE * DigitInk.SIDE];
    private Pen pen;
    private backprop.engine.layers.conv.ConvArithmetic.Region field;

    DrawPad() {
        setMinSize(140, 140);
        setPrefSize(224, 224);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::drag);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> { if (pen != null) pen.lift(); });
    }

    void setPen(Pen pen) { this.pen = pen; }

    /** Shows {@code values} ([28·28] in [0, 1]): ink on paper. */
    void show(float[] values) {
        pixels = values.clone();
        redraw();
    }

    /** Lights the input pixels a selected unit sees (null: none). Only for an image shown as the network sees it. */
    void showField(backprop.engine.layers.conv.ConvArithmetic.Region region) {
        field = region;
        redraw();
    }

    private void drag(MouseEvent e) {
        if (pen == null || e.getButton() != MouseButton.PRIMARY && e.getEventType() == MouseEvent.MOUSE_PRESSED) return;
        double[] g = grid();
        pen.drawTo((e.getX() - g[0]) / g[2], (e.getY() - g[1]) / g[2]);
    }

    /** Left, top and cell size of the square grid, centred in the pane. */
    double[] grid() {
        double side = Math.floor(Math.min(getWidth(), getHeight()) / DigitInk.SIDE);
        double size = Math.max(1, side) * DigitInk.SIDE;
        return new double[] {Math.floor((getWidth() - size) / 2), Math.floor((getHeight() - size) / 2), Math.max(1, side)};
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        double[] grid = grid();
        double x0 = grid[0], y0 = grid[1], c = grid[2], size = c * DigitInk.SIDE;
        g.setFill(box());
        g.fillRect(x0, y0, size, size);
        Color ink = ink();
        for (int r = 0; r < DigitInk.SIDE; r++) {
            for (int col = 0; col < DigitInk.SIDE; col++) {
                float v = pixels[r * DigitInk.SIDE + col];
                if (v <= 0) continue;
                g.setFill(Color.color(ink.getRed(), ink.getGreen(), ink.getBlue(), Math.min(1, v)));
                g.fillRect(x0 + col * c, y0 + r * c, c, c);
            }
        }
        g.setStroke(track());
        g.setLineWidth(1);
        for (int i = 1; i < DigitInk.SIDE; i++) {
            g.strokeLine(x0 + i * c + 0.5, y0, x0 + i * c + 0.5, y0 + size);
            g.strokeLine(x0, y0 + i * c + 0.5, x0 + size, y0 + i * c + 0.5);
        }
        g.setStroke(border());
        g.setLineWidth(1.5 * lineScale());
        g.strokeRect(x0, y0, size, size);
        if (field != null) {
            g.setStroke(accent());
            g.setLineWidth(2.5 * lineScale());
            g.strokeRect(x0 + field.left() * c, y0 + field.top() * c, (field.right() - field.left() + 1) * c, (field.bottom() - field.top() + 1) * c);
        }
    }
}
