package dev.switchboard.desktop;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/** Writes a JavaFX image as an RGBA PNG with nothing but java.util.zip (no image I/O bridge needed). */
public final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngWriter() {
    }

    /** Reads the pixels; call on the FX thread (or with an image no one is changing). */
    public static byte[] encode(Image image) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        byte[] bgra = new byte[w * h * 4];
        reader.getPixels(0, 0, w, h, PixelFormat.getByteBgraInstance(), bgra, 0, w * 4);

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
            byte[] row = new byte[1 + w * 4];
            for (int y = 0; y < h; y++) {
                row[0] = 0; // no filter
                for (int x = 0; x < w; x++) {
                    int i = (y * w + x) * 4;
                    int o = 1 + x * 4;
                    row[o] = bgra[i + 2];
                    row[o + 1] = bgra[i + 1];
                    row[o + 2] = bgra[i];
                    row[o + 3] = bgra[i + 3];
                }
                z.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(header);
        d.writeInt(w);
        d.writeInt(h);
        d.writeByte(8);  // bits per channel
        d.writeByte(6);  // RGBA
        d.writeByte(0);  // deflate
        d.writeByte(0);  // adaptive filtering
        d.writeByte(0);  // no interlace
        chunk(png, "IHDR", header.toByteArray());
        chunk(png, "IDAT", raw.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    public static void write(Image image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, encode(image));
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        d.writeInt((int) crc.getValue());
    }
}
