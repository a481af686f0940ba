// Pick a person by searching GET /people?q= (national number, phone or name prefix).
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { peopleKeys, searchPeople } from '../api/people';
import { personName } from '../lib/format';

export function PersonPicker({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
  placeholder?: string;
}) {
  const { t, i18n } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(input.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [input]);
  const query = { q, page: 1, pageSize: 10 };
  const people = useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: ({ signal }) => searchPeople(query, signal),
    enabled: q.length >= 2,
  });
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${personName(p, i18n.language)} · ${p.nationalNo ?? p.documentNo ?? ''}`,
  }));
  return (
    <Select<number | null>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      placeholder={placeholder ?? t('staff.personSearch')}
      showSearch={{ filterOption: false, onSearch: setInput, searchValue: input }}
      options={options}
      notFoundContent={
        people.isFetching ? <Spin size="small" /> : q.length >= 2 ? t('staff.personNone') : t('staff.personTypeMore')
      }
      data-testid="person-picker"
    />
  );
}
