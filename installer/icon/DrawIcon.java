import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the program's icon (so it is reproducible from source, no design tool needed):
 * a stack of layer bars with a jagged red curve (unstable Post-LN) and a smooth green one (Admin).
 * Run: java installer/icon/DrawIcon.java resources/icons installer/windows
 * (writes app-256.png, app-64.png, app-32.png into the first folder and, given a second, app.ico for Windows).
 */
public final class DrawIcon {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : ".");
        dir.mkdirs();
        int[] sizes = {256, 64, 32};
        byte[][] pngs = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            ImageIO.write(draw(sizes[i]), "png", png);
            pngs[i] = png.toByteArray();
            java.nio.file.Files.write(new File(dir, "app-" + sizes[i] + ".png").toPath(), pngs[i]);
        }
        if (args.length > 1) {
            new File(args[1]).mkdirs();
            java.nio.file.Files.write(new File(args[1], "app.ico").toPath(), ico(sizes, pngs));
        }
    }

    /** A Windows .ico holding the PNGs as they are (allowed since Windows Vista); 256 is written as 0. */
    static byte[] ico(int[] sizes, byte[][] pngs) {
        int offset = 6 + 16 * sizes.length;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(offset + java.util.Arrays.stream(pngs).mapToInt(p -> p.length).sum())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            b.put((byte) (sizes[i] & 0xFF)).put((byte) (sizes[i] & 0xFF)).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(pngs[i].length).putInt(offset);
            offset += pngs[i].length;
        }
        for (byte[] p : pngs) {
            b.put(p);
        }
        return b.array();
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        // rounded tile, deep blue to teal
        g.setPaint(new GradientPaint(0, 0, new Color(0x1B2A49), 256, 256, new Color(0x1F6F8B)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        // four layer bars (a Transformer stack), lighter towards the top
        for (int i = 0; i < 4; i++) {
            float a = 0.28f + 0.12f * (3 - i);
            g.setColor(new Color(1f, 1f, 1f, a));
            g.fill(new RoundRectangle2D.Double(40, 58 + i * 42, 176, 26, 13, 13));
        }

        // a diverging, jagged loss curve (Post-LN going wrong)
        Path2D bad = new Path2D.Double();
        double[] ys = {196, 170, 158, 150, 156, 138, 162, 120, 150, 92, 128, 60};
        for (int i = 0; i < ys.length; i++) {
            double x = 36 + i * 17;
            if (i == 0) {
                bad.moveTo(x, ys[i]);
            } else {
                bad.lineTo(x, ys[i]);
            }
        }
        g.setStroke(new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0xFF6B5B));
        g.draw(bad);

        // a smooth, falling loss curve (stable training)
        Path2D good = new Path2D.Double();
        good.moveTo(36, 70);
        good.curveTo(80, 170, 140, 196, 222, 204);
        g.setStroke(new BasicStroke(13, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x7CE0A3));
        g.draw(good);
        g.dispose();
        return img;
    }
}
