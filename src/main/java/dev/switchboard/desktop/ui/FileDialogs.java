package dev.switchboard.desktop.ui;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;

/**
 * The system's file dialogs, behind an interface so that window tests can pick files without one.
 * Called on the FX thread; both only ask the person, they read and write nothing.
 */
public interface FileDialogs {

    /** Files to attach; empty if the person cancelled. */
    List<Path> chooseAttachments(Window owner, String title);

    /** Where to save a file, suggesting {@code suggestedName}; null if the person cancelled. */
    Path chooseSaveTarget(Window owner, String title, String suggestedName);
}
