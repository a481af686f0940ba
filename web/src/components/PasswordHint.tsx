// Live checklist of the password rule and a strength meter, under a new-password field.
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, passwordChecks, passwordStrength } from '../lib/password';

const STRENGTH = { weak: { pct: 25, color: '#cf1322' }, fair: { pct: 50, color: '#d48806' }, good: { pct: 75, color: '#7cb305' }, strong: { pct: 100, color: '#389e0d' } } as const;

export function PasswordHint({ password, username, id }: { password: string; username?: string; id?: string }) {
  const { t } = useTranslation();
  const checks = passwordChecks(password, username);
  const strength = passwordStrength(password, username);
  return (
    <div className="password-hint" id={id} data-testid="password-hint">
      {password && (
        <div className="password-strength">
          <Progress
            percent={STRENGTH[strength].pct}
            strokeColor={STRENGTH[strength].color}
            showInfo={false}
            size="small"
            aria-hidden="true"
          />
          <span aria-live="polite">{t('password.strength', { level: t(`password.levels.${strength}`) })}</span>
        </div>
      )}
      <ul className="plain-list password-rules">
        {checks.map((c) => (
          <li key={c.rule} className={c.ok ? 'ok' : 'pending'}>
            {c.ok ? <CheckCircleFilled aria-hidden="true" /> : <CloseCircleOutlined aria-hidden="true" />}{' '}
            <span>{t(`password.rules.${c.rule}`, { min: PASSWORD_MIN })}</span>
            <span className="visually-hidden">{c.ok ? t('password.met') : t('password.notMet')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
