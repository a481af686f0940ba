// Back and Print above a printable page; hidden when printing.
import { Button, Flex } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function PrintToolbar({ fallback, label }: { fallback: string; label: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Flex gap={8} wrap className="print-toolbar no-print" role="toolbar" aria-label={label}>
      <Button
        icon={<ArrowLeftOutlined className="flip-rtl" />}
        onClick={() => {
          const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
          if (idx > 0) navigate(-1);
          else navigate(fallback);
        }}
      >
        {t('common.back')}
      </Button>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
        {t('print.print')}
      </Button>
    </Flex>
  );
}
