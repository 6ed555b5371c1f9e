import { ActionIcon, Group, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { CopyValueButton } from './copy-value';

interface ValueProps {
  label: string;
  value: string;
  description?: string;
}

/**
 * A value to paste elsewhere in a read-only box with a Copy button. A secret shows dots until the user
 * asks to see it (`shown` at first for one shown once, right after it was made).
 */
function ValueBox({
  label,
  value,
  description,
  secret,
  shown: shownAtFirst = false,
}: ValueProps & {
  secret: boolean;
  shown?: boolean;
}) {
  const [shown, { toggle }] = useDisclosure(shownAtFirst);
  const name = label.toLowerCase();
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      readOnly
      type={secret && !shown ? 'password' : 'text'}
      autoComplete="off"
      spellCheck={false}
      onFocus={(event) => event.currentTarget.select()}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      rightSectionWidth={secret ? 68 : undefined}
      rightSection={
        <Group gap={2} wrap="nowrap">
          {secret && (
            <Tooltip label={shown ? 'Hide' : 'Show'} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={toggle}
                aria-label={shown ? `Hide ${name}` : `Show ${name}`}
                aria-pressed={shown}
              >
                {shown ? <IconEyeOff size={16} /> : <IconEye size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
          <CopyValueButton value={value} label={name} compact />
        </Group>
      }
    />
  );
}

export function SecretValue(props: ValueProps & { shown?: boolean }) {
  return <ValueBox {...props} secret />;
}

export function CopyableValue(props: ValueProps) {
  return <ValueBox {...props} secret={false} />;
}
