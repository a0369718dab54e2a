package dev.switchboard.desktop.sound;

import dev.switchboard.desktop.TaskRunner;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plays {@code /sounds/ring.wav} with the JDK's sampled audio, through the task runner so opening the
 * audio line (which can block) never happens on the FX thread. A machine without audio, or a line
 * already busy ringing, simply stays silent.
 */
public final class ClipRinger implements Ringer {
    private static final System.Logger LOG = System.getLogger(ClipRinger.class.getName());
    static final String SOUND = "/sounds/ring.wav";

    private final TaskRunner tasks;
    private final URL sound;
    private final AtomicBoolean ringing = new AtomicBoolean();
    private final AtomicBoolean broken = new AtomicBoolean();

    public ClipRinger(TaskRunner tasks) {
        this.tasks = tasks;
        this.sound = ClipRinger.class.getResource(SOUND);
    }

    @Override
    public void ring() {
        if (sound == null || broken.get() || !ringing.compareAndSet(false, true)) {
            return;
        }
        tasks.run(() -> {
            play();
            return null;
        }, ok -> ringing.set(false), e -> ringing.set(false));
    }

    private void play() {
        try (InputStream in = new BufferedInputStream(sound.openStream());
             AudioInputStream audio = AudioSystem.getAudioInputStream(in);
             Clip clip = AudioSystem.getClip()) {
            CountDownLatch done = new CountDownLatch(1);
            clip.addLineListener(e -> {
                if (e.getType() == LineEvent.Type.STOP) {
                    done.countDown();
                }
            });
            clip.open(audio);
            clip.start();
            done.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            // no sound card, no mixer, headless: the offer still shows; stop trying for this session
            broken.set(true);
            LOG.log(System.Logger.Level.DEBUG, "no ring: " + e);
        }
    }
}
