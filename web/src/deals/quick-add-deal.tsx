import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Amount } from '../../../shared/deals/money';

/** A deal added right in a column: its name and amount (in the board's currency); Escape closes. */
export function QuickAddDeal({
  stageName,
  onAdd,
  onClose,
}: {
  stageName: string;
  onAdd(name: string, amount: string): Promise<boolean>;
  onClose(): void;
}) {
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<{ name?: string; amount?: string }>({});
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const errors: typeof error = {};
    if (!name.trim()) errors.name = 'Give the deal a name.';
    const parsed = Amount.safeParse(amount.trim() || '0');
    if (!parsed.success) errors.amount = 'A plain decimal such as 1250.50.';
    setError(errors);
    if (errors.name || errors.amount) return;
    setSaving(true);
    const added = await onAdd(name.trim(), amount.trim() || '0');
    setSaving(false);
    if (added) {
      setName('');
      setAmount('');
      onClose();
    }
  };
  return (
    <Stack
      gap={4}
      component="form"
      aria-label={`New deal in ${stageName}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <TextInput
        size="xs"
        aria-label="Deal name"
        placeholder="Deal name"
        data-autofocus
        autoFocus
        value={name}
        error={error.name}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <TextInput
        size="xs"
        aria-label="Amount"
        placeholder="Amount"
        inputMode="decimal"
        value={amount}
        error={error.amount}
        onChange={(event) => setAmount(event.currentTarget.value)}
      />
      <Group gap={4} justify="flex-end">
        <Button size="compact-xs" variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button size="compact-xs" type="submit" loading={saving}>
          Add
        </Button>
      </Group>
    </Stack>
  );
}
