import { Notification, Portal, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { createContext, type ReactNode, use, useCallback, useMemo, useState } from 'react';
import classes from './toaster.module.css';

/** `warning`: the action ran but did not get what was asked (a test event the receiver refused). */
export type ToastTone = 'success' | 'warning';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

type ShowToast = (message: string, options?: { tone?: ToastTone }) => void;

const ToastContext = createContext<ShowToast>(() => undefined);
const visibleMs = 4000;
let nextId = 1;

/** Short confirmations ("Contact deleted") that announce themselves to screen readers and fade away. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), []);
  const show = useCallback<ShowToast>(
    (message, options) => {
      const id = nextId++;
      setToasts((current) => [...current.slice(-2), { id, message, tone: options?.tone ?? 'success' }]);
      setTimeout(() => dismiss(id), visibleMs);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext value={value}>
      {children}
      <Portal>
        <Stack className={classes.region} gap="xs" role="status" aria-live="polite">
          {toasts.map((toast) => (
            <Notification
              key={toast.id}
              icon={toast.tone === 'warning' ? <IconAlertTriangle size={18} /> : <IconCheck size={18} />}
              color={toast.tone === 'warning' ? 'orange' : 'teal'}
              withBorder
              className={classes.toast}
              closeButtonProps={{ 'aria-label': 'Dismiss' }}
              onClose={() => dismiss(toast.id)}
            >
              {toast.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </ToastContext>
  );
}

export function useToast(): ShowToast {
  return use(ToastContext);
}
