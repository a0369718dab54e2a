package dev.switchboard.desktop.sound;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the offer ring, src/main/resources/sounds/ring.wav: two soft chimes (a falling third, about
 * 0.55 s), 16-bit mono PCM at 22,050 Hz. Run once when the sound should change:
 * {@code java src/test/java/dev/switchboard/desktop/sound/RingTone.java}.
 */
public final class RingTone {
    static final int RATE = 22_050;

    private RingTone() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/sounds/ring.wav");
        Files.createDirectories(out.getParent());
        Files.write(out, wav(samples()));
    }

    static short[] samples() {
        int total = (int) (RATE * 0.56);
        short[] s = new short[total];
        chime(s, 0, 0.26, 880.0);
        chime(s, (int) (RATE * 0.18), 0.38, 659.25);
        return s;
    }

    /** A bell-like tone: quick attack, exponential decay, a touch of the octave above. */
    private static void chime(short[] s, int start, double seconds, double hz) {
        int n = (int) (RATE * seconds);
        for (int i = 0; i < n && start + i < s.length; i++) {
            double t = i / (double) RATE;
            double attack = Math.min(1.0, t / 0.008);
            double decay = Math.exp(-t * 9.0);
            double v = Math.sin(2 * Math.PI * hz * t) + 0.25 * Math.sin(2 * Math.PI * hz * 2 * t);
            int mixed = s[start + i] + (int) (v * attack * decay * 9_000);
            s[start + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, mixed));
        }
    }

    static byte[] wav(short[] samples) throws IOException {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : samples) {
            pcm.putShort(v);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeBytes("RIFF");
        d.writeInt(Integer.reverseBytes(36 + pcm.capacity()));
        d.writeBytes("WAVEfmt ");
        d.writeInt(Integer.reverseBytes(16));
        d.writeShort(Short.reverseBytes((short) 1));       // PCM
        d.writeShort(Short.reverseBytes((short) 1));       // mono
        d.writeInt(Integer.reverseBytes(RATE));
        d.writeInt(Integer.reverseBytes(RATE * 2));        // bytes per second
        d.writeShort(Short.reverseBytes((short) 2));       // block align
        d.writeShort(Short.reverseBytes((short) 16));      // bits per sample
        d.writeBytes("data");
        d.writeInt(Integer.reverseBytes(pcm.capacity()));
        d.write(pcm.array());
        return bytes.toByteArray();
    }
}
