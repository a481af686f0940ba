// QR codes drawn in the browser (npm `qrcode`, no network): an SVG as a data: URL for an <img>,
// so it scales to any print resolution and the page's CSP (img-src data:) allows it.
import { create, toString } from 'qrcode';

/**
 * Error correction M (15%): a worn or slightly scratched card still scans, while a verification
 * address of about 140 characters stays at QR version 7 (45 modules), about 0.35 mm a module on the card.
 */
const LEVEL = 'M';

export async function qrSvgDataUrl(text: string): Promise<string> {
  const svg = await toString(text, { type: 'svg', errorCorrectionLevel: LEVEL, margin: 0, color: { dark: '#0b2540ff', light: '#ffffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The QR version (size class) a text needs; for tests and for sizing decisions. */
export function qrVersion(text: string): number {
  return create(text, { errorCorrectionLevel: LEVEL }).version;
}
