package dev.switchboard.desktop.conversation;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files attached to an e-mail answer. Files are read in the background when attached; one over
 * 10 MB, or one that would take the answer over 12 MB, is refused with a reason, as the server would.
 */
public final class DraftFiles {
    public static final long MAX_FILE = 10L * 1024 * 1024;
    public static final long MAX_TOTAL = 12L * 1024 * 1024;
    private static final String UNKNOWN_TYPE = "application/octet-stream";

    private final ConversationTools t;
    private final MessageTexts texts;
    private final ObservableList<DraftAttachment> files = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    DraftFiles(ConversationTools t, MessageTexts texts) {
        this.t = t;
        this.texts = texts;
    }

    /** Reads the files and adds those within the limits; says why any was left out. */
    public void attach(List<Path> paths) {
        if (paths == null || paths.isEmpty()) {
            return;
        }
        problem.set("");
        List<Path> chosen = List.copyOf(paths);
        t.tasks().run(() -> read(chosen), this::add, e -> problem.set(t.errors().of(e)));
    }

    public void remove(DraftAttachment file) {
        files.remove(file);
        problem.set("");
    }

    public ObservableList<DraftAttachment> files() {
        return files;
    }

    /** Why a file was not attached; "" when all were. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void clear() {
        files.clear();
        problem.set("");
    }

    private void add(List<Read> read) {
        List<String> refused = new ArrayList<>();
        long total = files.stream().mapToLong(DraftAttachment::size).sum();
        for (Read r : read) {
            if (r.data == null) {
                refused.add(t.messages().format("conversation.attach.tooLarge", r.name, texts.size(r.size),
                        texts.size(MAX_FILE)));
            } else if (total + r.size > MAX_TOTAL) {
                refused.add(t.messages().format("conversation.attach.tooMuch", r.name, texts.size(MAX_TOTAL)));
            } else {
                total += r.size;
                files.add(new DraftAttachment(r.name, r.size, texts.size(r.size), r.type, r.data));
            }
        }
        problem.set(String.join("\n", refused));
    }

    /** Runs in the background: sizes first, so a huge file is never read. */
    private static List<Read> read(List<Path> paths) throws IOException {
        List<Read> out = new ArrayList<>();
        for (Path p : paths) {
            String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
            long size = Files.size(p);
            if (size > MAX_FILE) {
                out.add(new Read(name, size, null, null));
                continue;
            }
            String type = Files.probeContentType(p);
            out.add(new Read(name, size, type == null || type.isBlank() ? UNKNOWN_TYPE : type, Files.readAllBytes(p)));
        }
        return out;
    }

    private record Read(String name, long size, String type, byte[] data) {
    }
}
