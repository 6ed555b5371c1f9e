import { Code, Group, Paper, Text } from '@mantine/core';
import { useId } from 'react';
import classes from './code-block.module.css';
import { CopyValueButton } from './copy-value';

/** A titled block of code (an embed snippet) that scrolls inside itself, with a Copy button. */
export function CodeBlock({ title, code }: { title: string; code: string }) {
  const titleId = useId();
  return (
    <Paper withBorder radius="md" className={classes.frame} role="group" aria-labelledby={titleId}>
      <Group justify="space-between" px="sm" py={6} className={classes.bar} wrap="nowrap">
        <Text size="xs" fw={600} c="dimmed" id={titleId}>
          {title}
        </Text>
        <CopyValueButton value={code} label={title} />
      </Group>
      {/* focusable, so keyboard users can scroll long lines */}
      <Code block className={classes.code} tabIndex={0}>
        {code}
      </Code>
    </Paper>
  );
}
