// Pick a vehicle by searching GET /vehicles?q= (plate, VIN or the owner's national number). A
// vehicle chosen elsewhere (e.g. a filter in the address) is looked up to show its plate.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchVehicle, fetchVehicles, vehicleKeys, type VehicleSummary } from '../api/vehicles';
import { localName } from '../lib/format';

/** "10-00001 · Toyota Corolla 2020 · owner". */
export function vehicleLabel(v: VehicleSummary, language: string): string {
  const owner = localName({ nameAr: v.ownerNameAr, nameEn: v.ownerNameEn }, language);
  return [v.plate, `${v.make} ${v.model} ${v.year}`, owner].filter(Boolean).join(' · ');
}

export function VehiclePicker({
  value,
  onChange,
  id,
  placeholder,
  ...props
}: {
  value?: number | null;
  onChange?: (v: number | null, vehicle?: VehicleSummary) => void;
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
  const vehicles = useQuery({
    queryKey: vehicleKeys.list(query),
    queryFn: ({ signal }) => fetchVehicles(query, signal),
    enabled: q.length >= 2,
  });
  const found = vehicles.data?.items ?? [];
  const chosen = useQuery({
    queryKey: vehicleKeys.one(value ?? 0),
    queryFn: ({ signal }) => fetchVehicle(value ?? 0, signal),
    enabled: !!value && !found.some((v) => v.id === value),
    staleTime: 60_000,
  });
  const options = found.map((v) => ({ value: v.id, label: vehicleLabel(v, i18n.language) }));
  if (value && chosen.data && chosen.data.id === value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: vehicleLabel(chosen.data, i18n.language) });
  }
  return (
    <Select<number | null>
      id={id}
      aria-label={props['aria-label']}
      className={props.className}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null, found.find((x) => x.id === v) ?? chosen.data)}
      allowClear
      placeholder={placeholder ?? t('vehicles.pickerPlaceholder')}
      showSearch={{ filterOption: false, onSearch: (s) => setInput(s.toUpperCase()), searchValue: input }}
      options={options}
      notFoundContent={
        vehicles.isFetching ? <Spin size="small" /> : q.length >= 2 ? t('vehicles.pickerNone') : t('staff.personTypeMore')
      }
      data-testid="vehicle-picker"
    />
  );
}
