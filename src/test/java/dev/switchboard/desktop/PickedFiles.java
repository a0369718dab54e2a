package dev.switchboard.desktop;

import dev.switchboard.desktop.ui.FileDialogs;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** File dialogs a test answers in advance: no dialog opens; nothing queued is a cancel. */
public final class PickedFiles implements FileDialogs {
    public final Queue<List<Path>> attachments = new ConcurrentLinkedQueue<>();
    public final Queue<Path> saveTargets = new ConcurrentLinkedQueue<>();
    /** The file names the desktop suggested when saving. */
    public final Queue<String> suggested = new ConcurrentLinkedQueue<>();

    @Override
    public List<Path> chooseAttachments(Window owner, String title) {
        List<Path> next = attachments.poll();
        return next == null ? List.of() : next;
    }

    @Override
    public Path chooseSaveTarget(Window owner, String title, String suggestedName) {
        suggested.add(suggestedName);
        return saveTargets.poll();
    }
}
