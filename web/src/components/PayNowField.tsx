// "Pay now": settle the request's bill at the counter in the same request (cash or card), or
// leave it open. Shown only to staff who collect payments; others always leave the bill open.
import { Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PayNow } from '../api/licensing';
import { usePermissions } from '../lib/usePermissions';

/** The starting choice: cash for those who collect payments, otherwise none. */
export function usePayDefault(): PayNow {
  const { can } = usePermissions();
  return can('payments.collect') ? 'cash' : 'none';
}

export function PayNowField({ allowLater = true, name = 'pay', required = false }: { allowLater?: boolean; name?: string; required?: boolean }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  if (!can('payments.collect')) return null;
  const options = [
    { value: 'cash', label: t('payment.methods.cash') },
    { value: 'card', label: t('payment.methods.card') },
  ];
  if (allowLater) options.push({ value: 'none', label: t('payment.later') });
  return (
    <Form.Item
      name={name}
      label={t('payment.payNow')}
      rules={required ? [{ required: true, message: t('payment.chooseMethod') }] : undefined}
    >
      <Radio.Group options={options} optionType="button" data-testid="pay-now" />
    </Form.Item>
  );
}
