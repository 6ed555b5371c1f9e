import { Badge, Group, UnstyledButton } from '@mantine/core';

/** Tags as badges; with `onSelect` each one is a button that filters the list by it. */
export function TagBadges({
  tags,
  onSelect,
  max = 3,
}: {
  tags: string[];
  onSelect?(tag: string): void;
  max?: number;
}) {
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  return (
    <Group gap={4} wrap="wrap">
      {shown.map((tag) =>
        onSelect ? (
          <UnstyledButton key={tag} onClick={() => onSelect(tag)} aria-label={`Show only tag ${tag}`}>
            <Badge variant="light" radius="sm" tt="none">
              {tag}
            </Badge>
          </UnstyledButton>
        ) : (
          <Badge key={tag} variant="light" radius="sm" tt="none">
            {tag}
          </Badge>
        ),
      )}
      {tags.length > shown.length && (
        <Badge variant="outline" color="gray" radius="sm">
          +{tags.length - shown.length}
        </Badge>
      )}
    </Group>
  );
}
