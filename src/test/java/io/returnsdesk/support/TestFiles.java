package io.returnsdesk.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Small real files of each accepted type, made on the spot, and a few that only pretend.
 */
public final class TestFiles {

	/** A 1 × 1 lossless WebP image. */
	public static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	/** A one-page PDF. */
	public static final byte[] PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
			3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""".getBytes(StandardCharsets.US_ASCII);

	/** A page with a script, as an attacker would name it photo.png. */
	public static final byte[] HTML = "<html><body><script>alert(document.cookie)</script></body></html>"
		.getBytes(StandardCharsets.UTF_8);

	private TestFiles() {
	}

	public static byte[] png() {
		return image("png", BufferedImage.TYPE_INT_ARGB, Color.RED);
	}

	/** A PNG whose pixels differ from {@link #png()}. */
	public static byte[] otherPng() {
		return image("png", BufferedImage.TYPE_INT_ARGB, Color.BLUE);
	}

	public static byte[] jpeg() {
		return image("jpeg", BufferedImage.TYPE_INT_RGB, Color.GREEN);
	}

	public static byte[] gif() {
		return image("gif", BufferedImage.TYPE_INT_RGB, Color.ORANGE);
	}

	/** The start of a JPEG followed by bytes that do not decode. */
	public static byte[] jpegHeaderWithGarbage() {
		return concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 },
				"<script>alert(1)</script> and some more text".getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * A PNG header declaring an image of the given size, without pixel data: a
	 * decompression bomb is told by this much.
	 */
	public static byte[] pngHeader(int width, int height) {
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] { 8, 6, 0, 0, 0 });
		return concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, chunk("IHDR", header.array()),
				chunk("IEND", new byte[0]));
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] typeAndData = concat(type.getBytes(StandardCharsets.US_ASCII), data);
		CRC32 crc = new CRC32();
		crc.update(typeAndData);
		return ByteBuffer.allocate(4 + typeAndData.length + 4)
			.putInt(data.length)
			.put(typeAndData)
			.putInt((int) crc.getValue())
			.array();
	}

	private static byte[] image(String format, int imageType, Color color) {
		BufferedImage image = new BufferedImage(32, 24, imageType);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(color);
		graphics.fillRect(0, 0, 32, 24);
		graphics.setColor(Color.BLACK);
		graphics.drawLine(0, 0, 31, 23);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			joined.writeBytes(part);
		}
		return joined.toByteArray();
	}

}
