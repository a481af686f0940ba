// A licence chosen by its number (GET /licenses/by-number/{number}): the form value is the
// licence id; the holder, class and status found are shown under the box (announced to screen
// readers), or why nothing was found.
import { useRef, useState } from 'react';
import { Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { fetchLicenseByNumber, type License } from '../api/licensing';
import { errorMessage } from '../i18n/errors';
import { langOf } from '../lib/format';
import { LicenseStatusTag } from './StatusTags';

export function LicenseLookup({
  value,
  onChange,
  id,
  onFound,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
  /** Told about the licence found (or null when cleared). */
  onFound?: (license: License | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [found, setFound] = useState<License | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef<string | null>(null);
  const shown = found && found.id === value ? found : null;

  const clear = () => {
    setFound(null);
    setProblem(null);
    onChange?.(null);
    onFound?.(null);
  };

  const lookUp = async (raw: string) => {
    const number = raw.trim().toUpperCase();
    if (!number) return clear();
    if (inFlight.current === number || (found && found.number === number && found.id === value)) return;
    inFlight.current = number;
    setBusy(true);
    setProblem(null);
    try {
      const license = await fetchLicenseByNumber(number);
      setFound(license);
      setText(license.number);
      onChange?.(license.id);
      onFound?.(license);
    } catch (e) {
      setFound(null);
      onChange?.(null);
      onFound?.(null);
      setProblem(
        isApiError(e) && e.status === 404 ? t('violations.licenseNotFound', { number }) : errorMessage(t, e, (k) => i18n.exists(k)),
      );
    } finally {
      inFlight.current = null;
      setBusy(false);
    }
  };

  const ar = langOf(i18n.language) === 'ar';
  return (
    <Space orientation="vertical" size={4} className="full-width">
      <Input.Search
        id={id}
        value={text}
        onChange={(e) => {
          setText(e.target.value.toUpperCase());
          if (value) clear();
        }}
        onSearch={(v) => void lookUp(v)}
        // Enter looks the number up; it must not submit the surrounding form.
        onPressEnter={(e) => e.preventDefault()}
        onBlur={() => {
          if (text.trim() && !shown && !busy) void lookUp(text);
        }}
        loading={busy}
        enterButton={t('violations.lookUp')}
        allowClear
        dir="ltr"
        className="mono-input"
        spellCheck={false}
        autoComplete="off"
        placeholder={t('violations.licensePlaceholder')}
        data-testid="license-lookup"
      />
      <div aria-live="polite" className="lookup-result">
        {shown && (
          <span data-testid="license-found">
            <bdi lang={ar ? 'ar' : 'en'}>{ar ? shown.personNameAr : shown.personNameEn}</bdi>{' '}
            <LicenseStatusTag status={shown.status} />
          </span>
        )}
        {problem && (
          <span className="lookup-problem" role="alert">
            {problem}
          </span>
        )}
      </div>
    </Space>
  );
}
