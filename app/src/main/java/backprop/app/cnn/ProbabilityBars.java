package backprop.app.cnn;

import backprop.app.draw.CanvasPane;
import backprop.app.math.Num;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** The softmax output as ten horizontal bars, the largest in the accent colour, the true label marked. */
final class ProbabilityBars extends CanvasPane {
    private float[] p = new float[0];
    private int label = -1;

    ProbabilityBars() {
        setMinSize(160, 120);
        setPrefSize(240, 190);
    }

    void show(float[] probabilities, int label) {
        this.p = probabilities.clone();
        this.label = label;
        redraw();
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        if (p.length == 0) return;
        double w = getWidth(), h = getHeight(), rowH = h / p.length;
        double s = Math.min(scale(), rowH / 15); // the text never outgrows its row
        double labelW = 18 * s, valueW = 58 * s, barW = Math.max(10, w - labelW - valueW - 8);
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        Font f = Font.font("System", 11.5 * s), bold = Font.font("System", FontWeight.BOLD, 11.5 * s);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < p.length; k++) {
            double y = k * rowH, mid = y + rowH / 2, bh = Math.max(3, rowH * 0.62);
            g.setFont(k == best ? bold : f);
            g.setFill(k == label ? accent() : ink());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(Integer.toString(k), 2, mid);
            g.setFill(track());
            g.fillRect(labelW, mid - bh / 2, barW, bh);
            g.setFill(k == best ? accent() : muted());
            g.fillRect(labelW, mid - bh / 2, barW * Math.max(0, Math.min(1, p[k])), bh);
            g.setFill(k == best ? ink() : muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Num.percent(p[k]), w - 2, mid);
        }
    }
}
