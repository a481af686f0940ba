// The QR code on the licence card: the absolute address of the public check with the
// department's signed code (GET /licenses/{id}/verification), drawn in the browser.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchVerificationLink, verifyKeys } from '../api/verify';
import { qrSvgDataUrl } from '../lib/qr';
import { absoluteVerifyUrl } from '../lib/verify';

/** The verification address of a licence (null while loading or when it cannot be had). */
export function useVerificationUrl(licenseId: number) {
  const link = useQuery({
    queryKey: verifyKeys.link(licenseId),
    queryFn: ({ signal }) => fetchVerificationLink(licenseId, signal),
    enabled: licenseId > 0,
    staleTime: Infinity, // a licence's code never changes
    retry: false, // a card without its QR is better than a card that waits
  });
  const url = link.data ? absoluteVerifyUrl(window.location.origin, link.data.path) : null;
  const image = useQuery({
    queryKey: ['qr-svg', url],
    queryFn: () => qrSvgDataUrl(url ?? ''),
    enabled: url !== null,
    staleTime: Infinity,
    retry: false,
  });
  const failed = link.isError || (link.isSuccess && url === null) || image.isError;
  return { url, image: image.data ?? null, failed, pending: !failed && !image.data };
}

/** The QR with its caption in both languages, for inside the card. */
export function CardQr({ url, image, number }: { url: string; image: string; number: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.getFixedT('en');
  const ar = i18n.getFixedT('ar');
  return (
    <figure className="lc-qr" data-testid="card-qr" data-verify-url={url}>
      <img src={image} alt={t('card.qrAlt', { number })} />
      <figcaption className="lc-qr-caption">
        <span lang="en">{en('card.scan')}</span>
        <span lang="ar" dir="rtl">
          {ar('card.scan')}
        </span>
      </figcaption>
    </figure>
  );
}
