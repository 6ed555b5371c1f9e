import { DataList, Paper, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import classes from './detail-section.module.css';

export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Title order={2} size="h4" mb="md" id={titleId}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One labelled value of a record; an empty one shows a dash. */
export function DetailItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children || <Text c="dimmed">—</Text>}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Labelled values of a record; long values (emails, addresses) wrap instead of widening the page. */
export function DetailList({ children }: { children: ReactNode }) {
  return (
    <DataList labelWidth="112px" withDivider classNames={{ itemValue: classes.value }}>
      {children}
    </DataList>
  );
}
