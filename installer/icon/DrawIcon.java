import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the application icon (a headset on a rounded tile) and writes it in the three forms the
 * installers take: a PNG for Linux, an .ico for Windows and an .icns for macOS, each holding PNG
 * images. Run from the project directory with {@code java installer/icon/DrawIcon.java}; the files
 * it writes are kept in the repository, so the build never runs it.
 */
public final class DrawIcon {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "installer");
        byte[] png256 = png(draw(256));
        byte[] png128 = png(draw(128));
        byte[] png48 = png(draw(48));
        Files.write(dir.resolve("linux/Switchboard.png"), png128);
        Files.write(dir.resolve("windows/Switchboard.ico"), ico(new int[] {256, 48}, new byte[][] {png256, png48}));
        Files.write(dir.resolve("macos/Switchboard.icns"), icns(png128, png256));
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        g.setPaint(new GradientPaint(0, 0, new Color(0x2563EB), 0, 256, new Color(0x1E3A8A)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        Color white = new Color(0xF8FAFC);
        g.setColor(white);
        // the head band
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(56, 50, 144, 150, 0, 180, Arc2D.OPEN));
        // the ear cups
        g.fill(new RoundRectangle2D.Double(40, 112, 44, 76, 22, 22));
        g.fill(new RoundRectangle2D.Double(172, 112, 44, 76, 22, 22));
        // the boom microphone, from the left cup round to the mouth
        Path2D boom = new Path2D.Double();
        boom.moveTo(62, 186);
        boom.curveTo(66, 214, 96, 212, 118, 208);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(boom);
        g.fill(new Ellipse2D.Double(114, 196, 26, 24));
        // a lamp on the right cup: a contact waiting
        g.setColor(new Color(0x22C55E));
        g.fill(new Ellipse2D.Double(182, 128, 24, 24));
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An .ico whose images are PNGs (read by Windows Vista and later). */
    static byte[] ico(int[] sizes, byte[][] pngs) {
        int header = 6 + 16 * pngs.length;
        int total = header;
        for (byte[] p : pngs) {
            total += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) pngs.length);
        int offset = header;
        for (int i = 0; i < pngs.length; i++) {
            int s = sizes[i] >= 256 ? 0 : sizes[i];
            b.put((byte) s).put((byte) s).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(pngs[i].length).putInt(offset);
            offset += pngs[i].length;
        }
        for (byte[] p : pngs) {
            b.put(p);
        }
        return b.array();
    }

    /** An .icns with the 128 px ({@code ic07}) and 256 px ({@code ic08}) images as PNGs. */
    static byte[] icns(byte[] png128, byte[] png256) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        d.writeBytes("ic07");
        d.writeInt(8 + png128.length);
        d.write(png128);
        d.writeBytes("ic08");
        d.writeInt(8 + png256.length);
        d.write(png256);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("icns");
        o.writeInt(8 + body.size());
        o.write(body.toByteArray());
        return out.toByteArray();
    }
}
