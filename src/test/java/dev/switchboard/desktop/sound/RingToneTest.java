package dev.switchboard.desktop.sound;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.BufferedInputStream;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class RingToneTest {

    @Test
    void theRingIsAShortReadableWaveThatTheGeneratorStillMakes() throws Exception {
        try (InputStream in = new BufferedInputStream(RingToneTest.class.getResourceAsStream(ClipRinger.SOUND));
             AudioInputStream audio = AudioSystem.getAudioInputStream(in)) {
            AudioFormat f = audio.getFormat();
            double seconds = audio.getFrameLength() / (double) f.getFrameRate();
            assertThat(f.getChannels()).isEqualTo(1);
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            assertThat(seconds).isBetween(0.2, 0.8);
        }
        try (InputStream committed = RingToneTest.class.getResourceAsStream(ClipRinger.SOUND)) {
            assertThat(committed.readAllBytes()).isEqualTo(RingTone.wav(RingTone.samples()));
        }
    }
}
