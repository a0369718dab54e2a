package dev.switchboard.desktop.conversation;

import dev.switchboard.api.MessageView;
import dev.switchboard.desktop.Conversations;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/** An e-mail card shows the mail's HTML in a web view, or its text where no web view can be made. */
@ExtendWith(ApplicationExtension.class)
class MailCardFxTest {
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final MessageTexts texts = new MessageTexts(messages, new Formats(messages, ZoneOffset.UTC));
    private final List<String> links = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300)); // a stage of its own: nothing of an earlier window
    }

    @Test
    void withoutWebKitTheMailShowsItsSelectableText() {
        MessageView html = Conversations.charlesMail(803, true).messages().get(2);
        List<Node> nodes = onFx(() -> {
            MessageItem item = new MessageItem(html, true, texts);
            item.suggestFormatted(true);
            MailBodies broken = new MailBodies(Runnable::run, () -> {
                throw new UnsatisfiedLinkError("no jfxwebkit");
            });
            return all(new MailCard(item, texts, messages, actions(), broken).node());
        });
        TextArea body = nodes.stream().filter(TextArea.class::isInstance).map(TextArea.class::cast).findFirst()
                .orElseThrow();
        assertThat(body.getText()).startsWith("Hello Alex,");
        assertThat(body.isEditable()).isFalse();
        assertThat(nodes).noneMatch(WebView.class::isInstance);
        Button format = nodes.stream().filter(n -> n.getStyleClass().contains("mail-format")).map(Button.class::cast)
                .findFirst().orElseThrow();
        assertThat(format.isDisabled()).as("nothing to switch to").isTrue();
    }

    @Test
    void withWebKitTheNewestMailIsFormattedWithoutScripts() {
        MessageView html = Conversations.charlesMail(803, true).messages().get(2);
        List<Node> nodes = onFx(() -> {
            MessageItem item = new MessageItem(html, true, texts);
            item.suggestFormatted(true);
            return all(new MailCard(item, texts, messages, actions(), new MailBodies(Runnable::run)).node());
        });
        WebView web = nodes.stream().filter(WebView.class::isInstance).map(WebView.class::cast).findFirst()
                .orElseThrow();
        assertThat(onFx(() -> web.getEngine().isJavaScriptEnabled())).isFalse();
        assertThat(web.getMaxHeight()).isLessThanOrEqualTo(400);
    }

    private LineActions actions() {
        return new LineActions() {
            @Override
            public void save(dev.switchboard.api.AttachmentView file) {
            }

            @Override
            public void toggleFormatted(MessageItem item) {
            }

            @Override
            public void useAgain(MessageItem item) {
            }

            @Override
            public void linkClicked(String url) {
                links.add(url);
            }
        };
    }

    private static List<Node> all(Node root) {
        List<Node> out = new ArrayList<>();
        out.add(root);
        if (root instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(all(c)));
        }
        return out;
    }
}
