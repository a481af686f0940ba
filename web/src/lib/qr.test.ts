import { describe, expect, it } from 'vitest';
import { create } from 'qrcode';
import { qrSvgDataUrl, qrVersion } from './qr';

describe('the QR code of a card', () => {
  const url = `https://dvld.example.gov.jo/verify/DL-00000012?code=${'A'.repeat(86)}`;
  it('is an SVG data URL that encodes the address', async () => {
    const src = await qrSvgDataUrl(url);
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(svg).toMatch(/^<svg[^>]+viewBox="0 0 45 45"/);
    // The same text gives the same symbol: the modules drawn are those of the address.
    const modules = create(url, { errorCorrectionLevel: 'M' }).modules;
    expect(modules.size).toBe(45);
  });
  it('stays small enough to print on the card (a signed address of ~140 characters)', () => {
    expect(qrVersion(url)).toBeLessThanOrEqual(7);
  });
});
