// Nationality picker from GET /countries: searchable by either name or the ISO code, labelled
// in the interface language, Jordan first.
import { useMemo } from 'react';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../api/hooks';
import type { Country } from '../api/reference';
import { localName } from '../lib/format';

interface Option {
  value: string;
  label: string;
  search: string;
}

export function countryOptions(countries: readonly Country[], language: string): Option[] {
  const ar = language.startsWith('ar');
  const collator = new Intl.Collator(ar ? 'ar' : 'en');
  return countries
    .map((c) => ({
      value: c.code,
      label: localName(c, language),
      search: `${c.nameEn} ${c.nameAr} ${c.code}`.toLowerCase(),
    }))
    .sort((a, b) => (a.value === 'JO' ? -1 : b.value === 'JO' ? 1 : collator.compare(a.label, b.label)));
}

export function CountrySelect(props: Omit<SelectProps<string, Option>, 'options' | 'showSearch'>) {
  const { i18n } = useTranslation();
  const countries = useCountries();
  const options = useMemo(() => countryOptions(countries.data ?? [], i18n.language), [countries.data, i18n.language]);
  return (
    <Select<string, Option>
      {...props}
      options={options}
      loading={countries.isPending}
      showSearch={{
        filterOption: (input, option) => !!option && option.search.includes(input.trim().toLowerCase()),
      }}
      status={countries.isError ? 'error' : props.status}
    />
  );
}
