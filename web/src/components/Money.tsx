// An amount of fils shown as JOD in the interface language ("15.000 JOD" / "15.000 د.أ").
import { useTranslation } from 'react-i18next';
import { formatFils } from '../lib/money';

export function Money({ fils }: { fils: number }) {
  const { i18n } = useTranslation();
  return <bdi className="money">{formatFils(fils, i18n.language)}</bdi>;
}
