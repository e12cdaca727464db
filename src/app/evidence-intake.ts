import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { canonicalize, type Canonical } from '../domain/identifiers/index.ts';
import { decodeQrImage } from '../domain/identifiers/qr-image.ts';
import { EVIDENCE_LIMITS, isEvidenceMediaType, type EvidenceMediaType } from '../domain/reports/report-fields.ts';
import { AppError } from './errors.ts';
import { sha256Hex } from './evidence-store.ts';

export interface UploadedFile {
  filename: string | null;
  bytes: Buffer;
}

export interface PreparedEvidence {
  /** The bytes to store: images re-encoded without metadata, PDFs as given. */
  bytes: Buffer;
  sha256: string;
  mediaType: EvidenceMediaType;
  size: number;
  originalName: string | null;
  /** The identifier in a QR code shown in the image (a VietQR → a bank account), if any. */
  qr: { payload: string; canonical: Canonical } | null;
}

/** Screenshots are a few megapixels; more is a decompression bomb, not evidence. */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Checks and cleans uploaded evidence before anything is stored. The type is sniffed from the
 * bytes with `file-type` (names and Content-Type headers are the sender's claim, not a fact);
 * anything but PNG, JPEG, WebP or PDF is a 415. Images are decoded and re-encoded by sharp,
 * which writes no metadata unless asked: EXIF (GPS position, camera, time), XMP, IPTC and
 * comments are gone, and the EXIF orientation is applied to the pixels first so the picture
 * still stands the right way up. PDFs are kept as sent (their document info is not personal
 * location data; the agency may hold it) and are only served to agency staff.
 */
export async function prepareEvidence(files: readonly UploadedFile[]): Promise<PreparedEvidence[]> {
  if (files.length > EVIDENCE_LIMITS.maxFiles) {
    throw new AppError(413, 'too_many_files', `At most ${EVIDENCE_LIMITS.maxFiles} evidence files per report.`, [
      { field: '/evidence', message: `${files.length} files sent; the limit is ${EVIDENCE_LIMITS.maxFiles}.` },
    ]);
  }
  const prepared: PreparedEvidence[] = [];
  for (const [n, file] of files.entries()) {
    const field = `/evidence/${n}`;
    if (file.bytes.length > EVIDENCE_LIMITS.maxBytes) {
      throw new AppError(413, 'file_too_large', `Evidence files are at most ${EVIDENCE_LIMITS.maxBytes / 1024 / 1024} MB each.`, [
        { field, message: 'The file is larger than 10 MB.' },
      ]);
    }
    const sniffed = await fileTypeFromBuffer(file.bytes);
    if (!sniffed || !isEvidenceMediaType(sniffed.mime)) {
      throw new AppError(415, 'unsupported_media_type', 'Evidence must be a PNG, JPEG or WebP image or a PDF document.', [
        { field, message: sniffed ? `The file is ${sniffed.mime}, which is not accepted.` : 'The file type could not be recognised.', code: 'evidence_type' },
      ]);
    }
    const mediaType = sniffed.mime;
    const bytes = mediaType === 'application/pdf' ? file.bytes : await reencode(file.bytes, mediaType, field);
    prepared.push({
      bytes,
      sha256: sha256Hex(bytes),
      mediaType,
      size: bytes.length,
      originalName: file.filename ? file.filename.slice(0, 255) : null,
      qr: mediaType === 'application/pdf' ? null : await readQr(bytes, mediaType),
    });
  }
  return prepared;
}

async function reencode(bytes: Buffer, mediaType: EvidenceMediaType, field: string): Promise<Buffer> {
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    if (mediaType === 'image/png') return await image.png().toBuffer();
    if (mediaType === 'image/webp') return await image.webp({ quality: 90 }).toBuffer();
    return await image.jpeg({ quality: 90 }).toBuffer();
  } catch {
    throw new AppError(415, 'unsupported_media_type', 'An evidence image is damaged or too large to read.', [
      { field, message: 'The image could not be decoded.', code: 'evidence_damaged' },
    ]);
  }
}

async function readQr(bytes: Buffer, mediaType: EvidenceMediaType): Promise<PreparedEvidence['qr']> {
  // The QR reader takes PNG and JPEG; a WebP screenshot is converted for reading only.
  const readable = mediaType === 'image/webp' ? await sharp(bytes).png().toBuffer() : bytes;
  const found = decodeQrImage(readable);
  if (!found.ok) return null;
  const canonical = canonicalize(found.payload);
  return canonical.ok ? { payload: found.payload, canonical: canonical.value } : null;
}
