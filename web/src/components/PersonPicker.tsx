// Pick a person by searching GET /people?q= (national number, phone or name prefix). A person
// chosen elsewhere (e.g. a filter in the address) is looked up to show the name.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchPerson, peopleKeys, searchPeople, type Person } from '../api/people';
import { personName } from '../lib/format';

export function PersonPicker({
  value,
  onChange,
  id,
  placeholder,
  ...props
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
  className?: string;
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
  const found = people.data?.items ?? [];
  const chosen = useQuery({
    queryKey: peopleKeys.one(value ?? 0),
    queryFn: ({ signal }) => fetchPerson(value ?? 0, signal),
    enabled: !!value && !found.some((p) => p.id === value),
    staleTime: 60_000,
  });
  const label = (p: Person) => `${personName(p, i18n.language)} · ${p.nationalNo ?? p.documentNo ?? ''}`;
  const options = found.map((p) => ({ value: p.id, label: label(p) }));
  if (value && chosen.data && chosen.data.id === value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: label(chosen.data) });
  }
  return (
    <Select<number | null>
      id={id}
      aria-label={props['aria-label']}
      className={props.className}
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
