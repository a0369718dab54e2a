package dev.switchboard.channels.chat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text the gateway sends is in chat/messages.properties, and every text there is sent. */
class ChatTextTest {
    private final ResourceBundle bundle = ResourceBundle.getBundle(ChatText.BUNDLE, Locale.ROOT);

    @Test
    void theKeysOfTheEnumAndTheFileAreTheSame() {
        Set<String> used = Arrays.stream(ChatText.values()).map(ChatText::key).collect(Collectors.toSet());

        assertThat(bundle.keySet()).containsExactlyInAnyOrderElementsOf(used);
        assertThat(Arrays.stream(ChatText.values()).map(ChatText::text)).allMatch(t -> !t.isBlank());
    }
}
