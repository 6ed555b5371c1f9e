import { Badge } from '@mantine/core';
import type { CompileState } from '../../../shared/email-templates/email-template';

const look = {
  compiling: { color: 'blue', label: 'Compiling' },
  ready: { color: 'green', label: 'Ready' },
  invalid: { color: 'red', label: 'Has errors' },
} as const;

/** Where the server's compile of the template stands. */
export function CompileStatusBadge({ compile }: { compile: Pick<CompileState, 'status'> }) {
  const { color, label } = look[compile.status];
  return (
    <Badge color={color} variant="light" aria-label={`Compile status: ${label}`}>
      {label}
    </Badge>
  );
}
