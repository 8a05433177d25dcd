package backprop.app.view;

/**
 * What the navigation rail, the toolbar and {@code render --view ID} know about a view, written
 * once: each view class holds its own as a constant ({@code PlaygroundView.INFO}), and the view
 * list registers that same constant, so the rail and the view cannot disagree.
 *
 * @param id          stable id: {@code nav-ID} in the rail, {@code render --view ID}
 * @param title       shown in the rail and the toolbar
 * @param iconLiteral an Ikonli literal (Material Design Icons 2 pack), e.g. "mdi2g-gesture-tap"
 */
public record ViewInfo(String id, String title, String iconLiteral) {
    public ViewInfo {
        if (id == null || id.isBlank() || !id.equals(id.strip())) throw new IllegalArgumentException("a view needs an id without spaces around it, got '" + id + "'");
    }
}
