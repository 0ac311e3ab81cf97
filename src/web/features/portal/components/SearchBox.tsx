import { ActionIcon, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

interface SearchBoxProps {
  defaultValue?: string;
  size?: 'sm' | 'md' | 'lg';
  /** Called instead of navigating to /search, e.g. by the search page itself. */
  onSearch?: (query: string) => void;
}

/** One search box over all public content; any script (Latin, Cyrillic, Greek) goes through as typed. */
export function SearchBox({ defaultValue = '', size = 'md', onSearch }: SearchBoxProps) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const [value, setValue] = useState(defaultValue);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = value.trim();
    if (onSearch) onSearch(query);
    else void navigate(query ? `/search?${new URLSearchParams({ q: query }).toString()}` : '/search');
  };

  return (
    <form role="search" onSubmit={submit} aria-label={t('search.formLabel')}>
      <TextInput
        type="search"
        size={size}
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        maxLength={200}
        rightSectionWidth={size === 'lg' ? 52 : 42}
        rightSection={
          <ActionIcon type="submit" size={size === 'lg' ? 'lg' : 'md'} variant="filled" aria-label={t('search.submit')}>
            <SearchIcon />
          </ActionIcon>
        }
      />
    </form>
  );
}

function SearchIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden="true">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}
