import { ZipArchive } from '../refi/zipArchive';
import { decodeUtf8 } from '../text/decode';

/** What an export archive shows as text: Word's document parts, a REFI-QDA package's sources and project. */
const TEXT_ENTRY = /\.(xml|txt|qde)$/i;
const LIMITS = { entryBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024 };

/** The text entries of a zip archive; an archive that cannot be read gives none. */
export function archiveTexts(bytes: Uint8Array): { name: string; text: string }[] {
  try {
    const archive = new ZipArchive(bytes, LIMITS);
    return archive.entries
      .filter((e) => TEXT_ENTRY.test(e.name))
      .flatMap((entry) => {
        const decoded = decodeUtf8(archive.read(entry));
        return decoded.ok ? [{ name: entry.name, text: decoded.text }] : [];
      });
  } catch {
    return [];
  }
}
