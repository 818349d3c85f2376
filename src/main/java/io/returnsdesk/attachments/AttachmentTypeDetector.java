package io.returnsdesk.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Tells the type of a file from its content: the name and the type a client claims are
 * never trusted. JPEG, PNG and GIF must also decode, so that a script or a page with an
 * image's first bytes is refused.
 */
final class AttachmentTypeDetector {

	static final String NOT_ACCEPTED = "The file is not a JPEG, PNG, GIF, WebP image or a PDF";

	/** Larger images are refused before decoding: 100 megapixels. */
	static final long MAX_PIXELS = 100_000_000L;

	/** Wider or taller images are refused before decoding: JPEG's own limit. */
	static final int MAX_SIDE = 65_535;

	// decoding reads every byte of the image but keeps only about this many pixels, so
	// that checking a large photo needs little memory
	private static final double KEPT_PIXELS = 1_000_000;

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] GIF87 = ascii("GIF87a");

	private static final byte[] GIF89 = ascii("GIF89a");

	private static final byte[] RIFF = ascii("RIFF");

	private static final byte[] WEBP = ascii("WEBP");

	private static final byte[] PDF = ascii("%PDF-");

	private AttachmentTypeDetector() {
	}

	/**
	 * The type of the content.
	 * @throws AttachmentRefusedException when it is none of the accepted types, does not
	 * decode, or is an image too large to check
	 */
	static AttachmentType detect(byte[] bytes) {
		AttachmentType type = byMagicBytes(bytes);
		if (type == null) {
			throw new AttachmentRefusedException(AttachmentRefusedException.Reason.TYPE_NOT_ACCEPTED, NOT_ACCEPTED);
		}
		if (type.imageIoFormat() != null) {
			checkDecodes(bytes, type);
		}
		return type;
	}

	private static AttachmentType byMagicBytes(byte[] bytes) {
		if (startsWith(bytes, 0, JPEG)) {
			return AttachmentType.JPEG;
		}
		if (startsWith(bytes, 0, PNG)) {
			return AttachmentType.PNG;
		}
		if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
			return AttachmentType.GIF;
		}
		if (isWebp(bytes)) {
			return AttachmentType.WEBP;
		}
		if (startsWith(bytes, 0, PDF)) {
			return AttachmentType.PDF;
		}
		return null;
	}

	// RIFF container of the declared size holding a WebP image: lossy, lossless or
	// extended
	private static boolean isWebp(byte[] bytes) {
		if (bytes.length < 20 || !startsWith(bytes, 0, RIFF) || !startsWith(bytes, 8, WEBP)) {
			return false;
		}
		long riffSize = (bytes[4] & 0xFFL) | (bytes[5] & 0xFFL) << 8 | (bytes[6] & 0xFFL) << 16
				| (bytes[7] & 0xFFL) << 24;
		String chunk = new String(bytes, 12, 4, StandardCharsets.US_ASCII);
		return riffSize >= 12 && riffSize + 8 <= bytes.length
				&& (chunk.equals("VP8 ") || chunk.equals("VP8L") || chunk.equals("VP8X"));
	}

	private static void checkDecodes(byte[] bytes, AttachmentType type) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.imageIoFormat());
		if (!readers.hasNext()) {
			throw new IllegalStateException("The JDK has no image reader for " + type.imageIoFormat());
		}
		ImageReader reader = readers.next();
		// in memory: ImageIO would otherwise cache the stream in a temporary file
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(in, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			checkDimensions(width, height);
			ImageReadParam param = reader.getDefaultReadParam();
			int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / KEPT_PIXELS)));
			param.setSourceSubsampling(step, step, 0, 0);
			if (reader.canReadRaster()) {
				// the raster skips colour conversion, which refuses valid CMYK JPEGs
				reader.readRaster(0, param);
			}
			else {
				reader.read(0, param);
			}
		}
		catch (AttachmentRefusedException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// image decoders signal broken data with all kinds of runtime exceptions
			throw new AttachmentRefusedException(AttachmentRefusedException.Reason.TYPE_NOT_ACCEPTED,
					NOT_ACCEPTED + ": it starts like a " + type.label() + " but cannot be read as one");
		}
		finally {
			reader.dispose();
		}
	}

	private static void checkDimensions(int width, int height) {
		if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
			throw new AttachmentRefusedException(AttachmentRefusedException.Reason.TOO_LARGE, String.format(Locale.ROOT,
					"The image has %,d × %,d pixels; at most %d megapixels and %,d pixels a side can be attached",
					width, height, MAX_PIXELS / 1_000_000, MAX_SIDE));
		}
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		return bytes.length >= offset + prefix.length
				&& Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
