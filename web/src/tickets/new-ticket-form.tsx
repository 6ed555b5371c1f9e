import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { TicketInput, type TicketPriority, ticketPriorities } from '../../../shared/tickets/ticket';
import { focusFirstError, formErrorsOf, formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { showSaveError } from '../records/form-problem';
import { MemberPicker } from '../team/member-picker';
import { useToast } from '../ui/toaster';
import { priorityLabels } from './ticket-format';
import { useOpenTicket } from './ticket-queries';

interface TicketValues {
  subject: string;
  description: string;
  priority: TicketPriority;
  assigneeId: string | null;
}

const fieldNames = ['subject', 'description', 'priority', 'assigneeId'];
const isTicketPath = (path: string) => fieldNames.includes(path);

const inputOf = (contactId: string, values: TicketValues) => {
  const description = values.description.trim();
  return {
    subject: values.subject,
    priority: values.priority,
    contactId,
    ...(description ? { description } : {}),
    ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
  };
};

/**
 * Opens a support ticket for a contact: subject, description, priority and assignee. The contact page's
 * timeline composer shows it in its "Ticket" tab; the Tickets page in its "New ticket" dialog.
 */
export function NewTicketForm({
  contactId,
  onDone,
}: {
  contactId: string;
  onDone?: (ticketId: string) => void;
}) {
  const toast = useToast();
  const open = useOpenTicket();
  const form = useForm<TicketValues>({
    initialValues: { subject: '', description: '', priority: 'normal', assigneeId: null },
    validate: (values) => {
      const parsed = TicketInput.safeParse(inputOf(contactId, values));
      return parsed.success ? {} : formErrorsOf(parsed.error, undefined, isTicketPath);
    },
  });
  const submit = form.onSubmit(
    async (values) => {
      try {
        const ticket = await open.mutateAsync(inputOf(contactId, values));
        toast(`Ticket opened: ${ticket.subject}`);
        form.reset();
        onDone?.(ticket.id);
      } catch (error) {
        showSaveError(form, error, isTicketPath);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="New ticket">
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} />
        <TextInput label="Subject" required data-autofocus {...form.getInputProps('subject')} />
        <Textarea
          label="Description"
          description="What the customer asked, in their words"
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('description')}
        />
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          <Select
            label="Priority"
            allowDeselect={false}
            miw={140}
            data={ticketPriorities.map((priority) => ({ value: priority, label: priorityLabels[priority] }))}
            {...form.getInputProps('priority')}
          />
          <MemberPicker
            label="Assignee"
            offerMe
            placeholder="Unassigned"
            miw={160}
            value={form.values.assigneeId}
            onChange={(next) => form.setFieldValue('assigneeId', next)}
            error={form.errors.assigneeId}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button type="submit" loading={form.submitting}>
            Open ticket
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
