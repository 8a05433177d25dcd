package backprop.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.shell.ShellAction;
import backprop.app.shell.StudioShell;
import backprop.app.views.StudioViews;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+R in the real window: records the Playground while it trains, stops, and the GIF holds what moved. */
@ExtendWith(ApplicationExtension.class)
class RecordInShellTest {
    @TempDir Path dir;
    private StudioShell shell;

    @Start
    void start(Stage stage) {
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    @Test
    void ctrlRRecordsThePlaygroundWhileItTrainsAndSavesAGif(FxRobot robot) throws Exception {
        Path gif = dir.resolve("walk.gif");
        shell.setRecordChooser(owner -> Optional.of(gif));
        robot.clickOn("#nav-playground");
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LiveRecorder.State.RECORDING, shell.recorder().state());
        assertTrue(shell.viewModel().messageProperty().get().startsWith("recording walk.gif"), shell.viewModel().messageProperty().get());
        // Train while recording (the toolbar's play: the seed field may hold the keyboard focus).
        robot.interact(() -> shell.dispatch(ShellAction.PLAY_PAUSE));
        Thread.sleep(2_000);
        robot.interact(() -> shell.dispatch(ShellAction.PLAY_PAUSE));
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.recorder().state() == LiveRecorder.State.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        String message = shell.viewModel().messageProperty().get();
        assertTrue(message.startsWith("saved walk.gif ("), message);
        assertTrue(Files.exists(gif));
        List<BufferedImage> frames = AnimationExportTest.decodeGif(gif);
        assertTrue(frames.size() >= 5, frames.size() + " frames in 2 s at 10 fps");
        assertTrue(message.contains(frames.size() + " frames"), message);
        assertTrue(AnimationExportTest.differingPixels(frames.get(0), frames.get(frames.size() - 1)) > 0, "training moved the picture");
    }

    @Test
    void aRecordingIsMadeAtTheChosenSlideSize(FxRobot robot) throws Exception {
        Path mp4 = dir.resolve("slide.mp4");
        shell.setRecordChooser(owner -> Optional.of(mp4));
        robot.clickOn("#nav-backprop");
        robot.interact(() -> shell.recordSizeProperty().set(LiveRecorder.Size.HD));
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        Thread.sleep(800);
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.recorder().state() == LiveRecorder.State.IDLE);
        var demuxer = org.jcodec.containers.mp4.demuxer.MP4Demuxer.createMP4Demuxer(org.jcodec.common.io.NIOUtils.readableChannel(mp4.toFile()));
        var meta = demuxer.getVideoTrack().getMeta();
        assertEquals(1280, meta.getVideoCodecMeta().getSize().getWidth());
        assertEquals(720, meta.getVideoCodecMeta().getSize().getHeight());
        assertTrue(meta.getTotalFrames() >= 2, meta.getTotalFrames() + " frames");
    }
}
