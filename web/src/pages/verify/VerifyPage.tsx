// The public licence check (/verify and /verify/:number?code=...), reached without signing in,
// e.g. by scanning the QR code on a licence card. It says, with an icon and words (never by
// colour alone), whether the licence is valid now and whether the card's code is the department's
// own; the holder's full name only comes with a genuine code. No staff menu, no session needed.
import { useEffect, useId, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Skeleton, Tag } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  PrinterOutlined,
  SafetyCertificateFilled,
  SearchOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError, isRouteMissing } from '../../api/client';
import { verifyKeys, verifyLicense, type LicenseVerification } from '../../api/verify';
import { errorMessage } from '../../i18n/errors';
import { Brand } from '../../layout/Brand';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { formatDate, formatDateTime, langOf } from '../../lib/format';
import { authenticityOf, looksLikeLicenseNumber, normaliseLicenseNumber, verifyPath } from '../../lib/verify';

/**
 * A sentence with a licence number in it: the number kept left to right and on one line,
 * wherever the language puts it.
 */
function WithNumber({ sentence, number }: { sentence: (n: string) => string; number: string }) {
  const MARK = '\u0000';
  const [before, after = ''] = sentence(MARK).split(MARK);
  return (
    <>
      {before}
      <bdi dir="ltr" className="nowrap">
        {number}
      </bdi>
      {after}
    </>
  );
}

export function VerifyPage() {
  const { t } = useTranslation();
  const { number: raw } = useParams();
  const [params] = useSearchParams();
  const number = raw ? normaliseLicenseNumber(raw) : '';
  const code = params.get('code')?.trim() || null;

  return (
    <div className="verify-page">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="login-header verify-header">
        <Brand />
        <span className="no-print">
          <LanguageSwitch />
        </span>
      </header>
      <main className="verify-main" id="main-content" tabIndex={-1}>
        {number ? (
          <VerifyResult key={`${number} ${code ?? ''}`} number={number} code={code} />
        ) : (
          <section className="verify-panel" aria-labelledby="verify-title">
            <h1 id="verify-title" className="verify-title" data-testid="page-title">
              {t('verify.title')}
            </h1>
            <p className="verify-intro">{t('verify.intro')}</p>
            <VerifyForm autoFocus />
          </section>
        )}
      </main>
      <footer className="verify-footer">{t('verify.footer')}</footer>
    </div>
  );
}

/** The number box; checking goes to /verify/NUMBER (without any code: a typed number has none). */
function VerifyForm({ initial = '', autoFocus = false, another = false }: { initial?: string; autoFocus?: boolean; another?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState(false);
  const inputId = useId();
  const errorId = `${inputId}-error`;

  const submit = () => {
    const number = normaliseLicenseNumber(value);
    if (!looksLikeLicenseNumber(number)) {
      setProblem(true);
      return;
    }
    setProblem(false);
    navigate(verifyPath(number));
  };

  return (
    <Form
      className="verify-form no-print"
      layout="vertical"
      onFinish={submit}
      role="search"
      aria-label={another ? t('verify.checkAnother') : t('verify.title')}
      data-testid="verify-form"
    >
      <Form.Item
        label={<label htmlFor={inputId}>{another ? t('verify.checkAnother') : t('verify.numberLabel')}</label>}
        validateStatus={problem ? 'error' : undefined}
        help={problem ? <span id={errorId}>{t('verify.numberInvalid')}</span> : undefined}
      >
        <div className="verify-form-row">
          <Input
            id={inputId}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="DL-00000012"
            dir="ltr"
            size="large"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            autoFocus={autoFocus}
            aria-invalid={problem || undefined}
            aria-describedby={problem ? errorId : undefined}
            data-testid="verify-number"
          />
          <Button type="primary" htmlType="submit" size="large" icon={<SearchOutlined />} data-testid="verify-submit">
            {t('verify.check')}
          </Button>
        </div>
      </Form.Item>
    </Form>
  );
}

function VerifyResult({ number, code }: { number: string; code: string | null }) {
  const { t, i18n } = useTranslation();
  const check = useQuery({
    queryKey: verifyKeys.check(number, code),
    queryFn: ({ signal }) => verifyLicense(number, code, signal),
    staleTime: 0,
  });

  // The page title names the licence, so a tab or a printed page says what was checked.
  useEffect(() => {
    const before = document.title;
    document.title = `${t('verify.resultTitle', { number })} – ${t('app.name')}`;
    return () => {
      document.title = before;
    };
  }, [number, t]);

  if (check.isPending) {
    return (
      <section className="verify-panel" aria-busy="true">
        <h1 className="verify-title">
          <WithNumber sentence={(n) => t('verify.resultTitle', { number: n })} number={number} />
        </h1>
        <div role="status" aria-live="polite">
          <span className="visually-hidden">{t('common.loading')}</span>
          <Skeleton active paragraph={{ rows: 5 }} />
        </div>
      </section>
    );
  }

  if (check.isError) {
    // An unknown number; a server without this route (route-not-found) is a failure to check.
    const notFound = isApiError(check.error) && check.error.status === 404 && !isRouteMissing(check.error);
    return (
      <section className="verify-panel" aria-labelledby="verify-title">
        <h1 id="verify-title" className="verify-title">
          {t('verify.title')}
        </h1>
        {notFound ? (
          <div className="verify-box is-bad" role="status" data-testid="verify-not-found">
            <CloseCircleFilled className="verify-icon" aria-hidden="true" />
            <div>
              <strong className="verify-box-title">
                <WithNumber sentence={(n) => t('verify.notFound', { number: n })} number={number} />
              </strong>
              <p>{t('verify.notFoundText')}</p>
            </div>
          </div>
        ) : (
          <div className="verify-box is-warn" role="alert" data-testid="verify-failed">
            <ExclamationCircleFilled className="verify-icon" aria-hidden="true" />
            <div>
              <strong className="verify-box-title">{t('verify.failed')}</strong>
              <p>
                {isApiError(check.error) && check.error.code === 'too-many-requests'
                  ? errorMessage(t, check.error, (k) => i18n.exists(k))
                  : t('verify.failedText')}
              </p>
              <Button onClick={() => void check.refetch()} loading={check.isFetching} data-testid="verify-retry">
                {t('common.retry')}
              </Button>
            </div>
          </div>
        )}
        <VerifyForm initial={number} another />
      </section>
    );
  }

  return <VerificationView v={check.data} />;
}

/** A successful check; exported for the unit tests. */
export function VerificationView({ v }: { v: LicenseVerification }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const auth = authenticityOf(v);
  const status = t(`license.statuses.${v.status}`, { defaultValue: v.status });
  const className = lang === 'ar' ? v.licenseClass.nameAr || v.licenseClass.nameEn : v.licenseClass.nameEn || v.licenseClass.nameAr;
  const nameAr = (
    <span lang="ar" dir="rtl" className="verify-name-ar" data-testid="verify-holder-ar" key="ar">
      {v.holder.nameAr}
    </span>
  );
  const nameEn = (
    <span lang="en" dir="ltr" className="verify-name-en" data-testid="verify-holder-en" key="en">
      {v.holder.nameEn}
    </span>
  );

  const verdict = (
    <div className={`verify-box verify-verdict ${v.valid ? 'is-good' : 'is-bad'}`} data-testid="verify-verdict">
      {v.valid ? (
        <CheckCircleFilled className="verify-icon" aria-hidden="true" />
      ) : (
        <CloseCircleFilled className="verify-icon" aria-hidden="true" />
      )}
      <div>
        <strong className="verify-verdict-word" data-testid="verify-verdict-word">
          {v.valid ? t('verify.valid') : t('verify.invalid')}
        </strong>
        <p>
          {v.valid ? t('verify.validText') : t('verify.invalidText')}{' '}
          <span className="verify-status-inline">
            {t('verify.status')}: <strong data-testid="verify-status">{status}</strong>
          </span>
        </p>
      </div>
    </div>
  );
  const authentication = (
    <div
      className={`verify-box verify-auth ${auth === 'authentic' ? 'is-good' : auth === 'forged' ? 'is-bad' : 'is-info'}`}
      data-testid="verify-authenticity"
      data-state={auth}
    >
      {auth === 'authentic' ? (
        <SafetyCertificateFilled className="verify-icon" aria-hidden="true" />
      ) : auth === 'forged' ? (
        <WarningFilled className="verify-icon" aria-hidden="true" />
      ) : (
        <InfoCircleFilled className="verify-icon" aria-hidden="true" />
      )}
      <div>
        <strong className="verify-box-title">
          {auth === 'authentic' ? t('verify.authentic') : auth === 'forged' ? t('verify.forged') : t('verify.unchecked')}
        </strong>
        <p>
          {auth === 'authentic'
            ? t('verify.authenticText')
            : auth === 'forged'
              ? t('verify.forgedText')
              : t('verify.uncheckedText')}
        </p>
      </div>
    </div>
  );

  return (
    <article
      className="verify-panel verify-result"
      aria-labelledby="verify-title"
      data-testid="verify-result"
      data-valid={String(v.valid)}
      data-authentic={auth}
    >
      <h1 id="verify-title" className="verify-title">
        <WithNumber sentence={(n) => t('verify.resultTitle', { number: n })} number={v.number} />
      </h1>
      <div role="status" aria-live="polite" aria-atomic="true" className="verify-status">
        {/* A code that is not genuine comes first: the card in hand is in doubt, whatever the register says. */}
        {auth === 'forged' ? authentication : verdict}
        {auth === 'forged' ? verdict : authentication}
      </div>
      <dl className="verify-facts">
        <div>
          <dt>{t('verify.holder')}</dt>
          <dd data-testid="verify-holder" data-full={String(v.holder.full)}>
            <span className="verify-names">{lang === 'ar' ? [nameAr, nameEn] : [nameEn, nameAr]}</span>
            {!v.holder.full && <Tag className="verify-short-tag">{t('verify.holderShort')}</Tag>}
          </dd>
        </div>
        <div>
          <dt>{t('verify.status')}</dt>
          <dd>
            {status}
            {v.statusReason && (
              <span className="verify-reason">
                {/* The server's words, in English: their own direction, placed where the line starts. */}
                <bdi lang="en" dir="ltr" data-testid="verify-reason">
                  {v.statusReason}
                </bdi>
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('verify.class')}</dt>
          <dd data-testid="verify-class" data-code={v.licenseClass.code}>
            {className}
          </dd>
        </div>
        <div>
          <dt>{t('verify.issued')}</dt>
          <dd data-testid="verify-issued">{formatDate(v.issueDate, lang)}</dd>
        </div>
        <div>
          <dt>{t('verify.expires')}</dt>
          <dd data-testid="verify-expires">{formatDate(v.expiryDate, lang)}</dd>
        </div>
        <div>
          <dt>{t('verify.checkedAt')}</dt>
          <dd data-testid="verify-checked-at">
            <time dateTime={v.checkedAt}>{formatDateTime(v.checkedAt, lang)}</time>
          </dd>
        </div>
      </dl>
      <div className="verify-actions no-print">
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
          {t('print.print')}
        </Button>
      </div>
      <VerifyForm another />
    </article>
  );
}
