import { type ComboboxItem, Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { countryOptions, matchingCountries } from './country-names';

type CountrySelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'filter'> & {
  /** An ISO 3166 code, or '' for none. */
  value: string;
  onChange(value: string): void;
};

/**
 * A country picked by its name in the user's language (a searchable combobox: type to filter, arrows and
 * Enter to choose), held as its ISO 3166 code. A name typed but not chosen is never saved as a code.
 */
export function CountrySelect({ value, onChange, label = 'Country', ...inputProps }: CountrySelectProps) {
  const options = useMemo(() => countryOptions(undefined, value), [value]);
  return (
    <Select
      {...inputProps}
      label={label}
      placeholder="Search countries"
      searchable
      clearable
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      data={options}
      filter={({ options: shown, search }) =>
        matchingCountries(
          shown.filter((option): option is ComboboxItem => 'value' in option),
          search,
        )
      }
      nothingFoundMessage="No country has that name"
      autoComplete="off"
    />
  );
}
