import { CloseButton, Group, SegmentedControl, TextInput } from '@mantine/core';
import { IconSearch, IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { type ListFilters, loadTagSchema } from './use-list-filters';

/** Search box and tag filter above a list; the tag applies on Enter or when the field loses focus. */
export function ListToolbar({
  filters,
  searchLabel,
  searchPlaceholder,
  ownedLabel,
}: {
  filters: ListFilters;
  searchLabel: string;
  searchPlaceholder: string;
  /** Offers "All / Mine" (the records the signed-in member owns), naming the list for screen readers. */
  ownedLabel?: string;
}) {
  const [tagInput, setTagInput] = useState(filters.tag);
  const [shownTag, setShownTag] = useState(filters.tag);
  if (shownTag !== filters.tag) {
    // the tag changed elsewhere (a click on a tag badge, "clear filters")
    setShownTag(filters.tag);
    setTagInput(filters.tag);
  }
  const applyTag = () => filters.setTag(tagInput);
  const tagError = filters.tagFilter.state === 'invalid' ? filters.tagFilter.message : undefined;
  return (
    <Group gap="sm" wrap="wrap" align="flex-start" role="search">
      {ownedLabel && (
        <SegmentedControl
          aria-label={ownedLabel}
          value={filters.mine ? 'mine' : 'all'}
          onChange={(value) => filters.setMine(value === 'mine')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'mine', label: 'Mine' },
          ]}
        />
      )}
      <TextInput
        flex="2 1 240px"
        aria-label={searchLabel}
        // the owner's list is one index read in date order: it has no name search
        disabled={filters.mine}
        placeholder={filters.mine ? 'Search is off while showing yours' : searchPlaceholder}
        leftSection={<IconSearch size={16} />}
        value={filters.searchInput}
        onChange={(event) => filters.setSearchInput(event.currentTarget.value)}
        rightSection={
          filters.searchInput ? (
            <CloseButton size="sm" aria-label="Clear search" onClick={() => filters.setSearchInput('')} />
          ) : null
        }
      />
      <TextInput
        flex="1 1 160px"
        aria-label="Filter by tag"
        placeholder="Filter by tag"
        leftSection={<IconTag size={16} />}
        value={tagInput}
        error={tagError}
        onChange={(event) => setTagInput(event.currentTarget.value)}
        onFocus={() => void loadTagSchema().catch(() => undefined)}
        onBlur={applyTag}
        onKeyDown={(event) => {
          if (event.key === 'Enter') applyTag();
        }}
        rightSection={
          tagInput ? (
            <CloseButton
              size="sm"
              aria-label="Clear tag filter"
              onClick={() => {
                setTagInput('');
                filters.setTag('');
              }}
            />
          ) : null
        }
      />
    </Group>
  );
}
