// Bills with their lines and totals (fils shown as JOD), the receipt of a paid bill, and paying
// an open bill at the counter (cash or card) with its own idempotency key.
import { Alert, Button, Empty, Form, Radio } from 'antd';
import { Link } from 'react-router-dom';
import { WalletOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { payBill, type Bill, type BillLine, type PaymentMethod, type Receipt } from '../api/licensing';
import { formatDateTime, langOf } from '../lib/format';
import { useIdempotency } from '../lib/useIdempotency';
import { usePermissions } from '../lib/usePermissions';
import { FormModal } from './FormModal';
import { Money } from './Money';
import { BillStatusTag } from './StatusTags';

/** A bill line's description in the interface language (the other script as fallback). */
export function lineDescription(line: BillLine, language: string): string {
  return langOf(language) === 'ar' ? line.descriptionAr || line.descriptionEn : line.descriptionEn || line.descriptionAr;
}

export function BillCard({ bill, onPay }: { bill: Bill; onPay?: (bill: Bill) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const lang = i18n.language;
  const headingId = `bill-${bill.id}-title`;
  return (
    <section className="bill" aria-labelledby={headingId} data-testid={`bill-${bill.id}`} data-bill-status={bill.status}>
      <header className="bill-head">
        <h3 id={headingId} className="bill-title">
          {t(`bills.kinds.${bill.kind}`, { defaultValue: bill.kind })} <bdi className="muted mono">#{bill.id}</bdi>
        </h3>
        <BillStatusTag status={bill.status} />
        <time className="muted small" dateTime={bill.createdAt}>
          {formatDateTime(bill.createdAt, lang)}
        </time>
      </header>
      <table className="bill-lines">
        <caption className="visually-hidden">{t('bills.linesOf', { id: bill.id })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bills.item')}</th>
            <th scope="col" className="amount">
              {t('bills.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {bill.lines.map((line, i) => (
            <tr key={`${line.code}-${i}`}>
              <td>
                <bdi>{lineDescription(line, lang)}</bdi>
              </td>
              <td className="amount">
                <Money fils={line.amount} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('bills.total')}</th>
            <td className="amount" data-testid="bill-total">
              <Money fils={bill.total} />
            </td>
          </tr>
        </tfoot>
      </table>
      <footer className="bill-foot">
        {bill.status === 'paid' && (
          <span>
            {t('bills.paidOn', { date: formatDateTime(bill.paidAt ?? bill.receipt?.paidAt, lang) })}
            {bill.receipt && (
              <>
                {' · '}
                <Link to={`/receipts/${encodeURIComponent(bill.receipt.number)}`} data-testid="receipt-link">
                  {t('bills.receipt', { number: bill.receipt.number })}
                </Link>
              </>
            )}
          </span>
        )}
        {bill.status === 'open' && onPay && can('payments.collect') && (
          <Button type="primary" icon={<WalletOutlined />} onClick={() => onPay(bill)} data-testid={`pay-bill-${bill.id}`}>
            {t('bills.pay')}
          </Button>
        )}
      </footer>
    </section>
  );
}

export function BillsList({ bills, onPay }: { bills: readonly Bill[]; onPay?: (bill: Bill) => void }) {
  const { t } = useTranslation();
  if (bills.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bills.none')} />;
  return (
    <div className="bills" data-testid="bills">
      {bills.map((b) => (
        <BillCard key={b.id} bill={b} onPay={onPay} />
      ))}
    </div>
  );
}

/** "Payment recorded: receipt RC-…" with a link to the printable receipt. */
export function ReceiptNotice({ receipt, onClose }: { receipt: Receipt; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      className="block-alert"
      role="status"
      closable={onClose ? { onClose } : undefined}
      data-testid="receipt-notice"
      title={
        <span>
          {t('bills.paidNotice', { number: receipt.number })}{' '}
          <Link to={`/receipts/${encodeURIComponent(receipt.number)}`} data-testid="receipt-notice-link">
            {t('bills.openReceipt')}
          </Link>
        </span>
      }
      description={<Money fils={receipt.amount} />}
    />
  );
}

interface PayValues {
  method: PaymentMethod;
}

export function PayBillModal({
  bill,
  onClose,
  onPaid,
}: {
  bill: Bill | null;
  onClose: () => void;
  onPaid: (receipt: Receipt) => void;
}) {
  const { t, i18n } = useTranslation();
  const action = useIdempotency();
  return (
    <FormModal<PayValues>
      open={bill !== null}
      name="pay-bill"
      title={bill ? t('bills.payTitle', { id: bill.id }) : ''}
      okText={t('bills.payConfirm')}
      fields={['method']}
      initialValues={{ method: 'cash' }}
      onClose={() => {
        action.reset();
        onClose();
      }}
      onSubmit={async (v) => {
        if (!bill) return;
        const receipt = await action.run((key) => payBill(bill.id, v.method, key));
        onPaid(receipt);
      }}
    >
      {() =>
        bill && (
          <>
            <p className="pay-amount">
              {t('bills.amountDue')}: <strong data-testid="pay-amount">
                <Money fils={bill.total} />
              </strong>
            </p>
            <ul className="plain-list pay-lines">
              {bill.lines.map((line, i) => (
                <li key={`${line.code}-${i}`}>
                  <bdi>{lineDescription(line, i18n.language)}</bdi> · <Money fils={line.amount} />
                </li>
              ))}
            </ul>
            <Form.Item name="method" label={t('payment.method')} rules={[{ required: true, message: t('payment.chooseMethod') }]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'cash', label: t('payment.methods.cash') },
                  { value: 'card', label: t('payment.methods.card') },
                ]}
              />
            </Form.Item>
          </>
        )
      }
    </FormModal>
  );
}
