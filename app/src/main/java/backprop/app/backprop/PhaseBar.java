package backprop.app.backprop;

import backprop.app.draw.CanvasPane;
import backprop.app.theme.Styles;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A strip under the scrubber naming the phases of the timeline (forward, loss, δ, gradients,
 * updates), each as wide as its share of steps, the current phase in the accent colour: where
 * in one training step the class is.
 */
final class PhaseBar extends CanvasPane {
    /** One phase: its name and how many consecutive timeline steps it spans. */
    record Phase(String name, int steps) {}

    private List<Phase> phases = List.of();
    private int current;

    PhaseBar() {
        getStyleClass().add(Styles.PHASE_BAR);
        height(1);
    }

    @Override
    public void setScale(double s) {
        height(s);
        super.setScale(s);
    }

    private void height(double s) {
        setPrefHeight(18 * s);
        setMinHeight(18 * s);
        setMaxHeight(18 * s);
    }

    void show(List<Phase> phases, int current) {
        this.phases = List.copyOf(phases);
        this.current = current;
        redraw();
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        double w = canvas.getWidth(), h = canvas.getHeight();
        int total = phases.stream().mapToInt(Phase::steps).sum();
        if (total == 0 || w < 20) return;
        // Inset like the slider's track, so segments sit under the steps they name.
        double pad = 8, x = pad, unit = (w - 2 * pad) / total;
        int start = 0;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Phase p : phases) {
            double pw = p.steps() * unit;
            boolean on = current >= start && current < start + p.steps();
            g.setFill(on ? accent() : track());
            g.fillRoundRect(x + 1, 2, pw - 2, h - 4, 6, 6);
            g.setFill(on ? onAccent() : muted());
            g.setFont(Font.font("System", on ? FontWeight.BOLD : FontWeight.NORMAL, 11 * scale()));
            // A narrow segment shows the name's last word ("δ" for "backward δ"), or nothing.
            String label = p.name();
            if (pw <= 8 + 6 * scale() * label.length()) label = label.substring(label.lastIndexOf(' ') + 1);
            if (pw > 8 + 6 * scale() * label.length()) g.fillText(label, x + pw / 2, h / 2, pw - 4);
            x += pw;
            start += p.steps();
        }
    }
}
