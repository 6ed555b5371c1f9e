import {
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { ActivityEdit, ActivityInput } from '../../../shared/activities/activity';
import { fieldErrorsOf } from '../../../shared/platform/validation';
import { ApiError, messageOf } from '../api/api-error';
import { focusFirstError, formErrorsFromFields, formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { type ActivityValues, activityBodyOf, callOutcomeLabels } from './activity-form-values';
import { AttendeePickers } from './meeting-attendees';

const shownFields = new Set([
  'body',
  'subject',
  'emailDirection',
  'callDirection',
  'outcome',
  'minutes',
  'notes',
  'title',
  'startsAt',
  'endsAt',
  'location',
  'attendeeEmails',
  'occurredAt',
]);

/** API and schema paths as this form's inputs name them (a call's and an email's `direction` differ). */
function formErrorsOfFields(values: ActivityValues, fields: Record<string, string>) {
  const renames: Record<string, string> = {
    direction: values.type === 'call' ? 'callDirection' : 'emailDirection',
    durationSeconds: 'minutes',
    attendees: 'attendeeEmails',
  };
  return formErrorsFromFields(fields, { renames, known: (path) => shownFields.has(path) });
}

function validate(values: ActivityValues, forEdit: boolean) {
  const schema = forEdit ? ActivityEdit : ActivityInput;
  const parsed = schema.safeParse(activityBodyOf(values, forEdit));
  return parsed.success ? {} : formErrorsOfFields(values, fieldErrorsOf(parsed.error));
}

/**
 * The fields of one activity type: a note's text; a call's direction, outcome, minutes and notes; a
 * meeting's title, times, place, attendees and notes; an email's subject, direction and text. For a new
 * activity, when it happened (empty is now). Texts are markdown; the server renders them safely.
 */
export function ActivityForm({
  initial,
  forEdit = false,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: ActivityValues;
  forEdit?: boolean;
  submitLabel: string;
  onSubmit(values: ActivityValues): Promise<unknown>;
  onCancel(): void;
}) {
  const form = useForm<ActivityValues>({
    initialValues: initial,
    validate: (values) => validate(values, forEdit),
  });
  const { type } = form.getValues();
  const submit = form.onSubmit(
    async (values) => {
      try {
        await onSubmit(values);
      } catch (error) {
        const errors =
          error instanceof ApiError && Object.keys(error.fields).length > 0
            ? formErrorsOfFields(values, error.fields)
            : { [formLevel]: messageOf(error) };
        form.setErrors(errors);
        focusFirstError(form, errors);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  const markdownHint = 'Markdown: **bold**, _italic_, lists, links';
  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="sm">
        <FormAlert message={form.errors[formLevel]} />
        {type === 'note' && (
          <Textarea
            label="Note"
            description={markdownHint}
            autosize
            minRows={3}
            maxRows={12}
            data-autofocus
            required
            {...form.getInputProps('body')}
          />
        )}
        {type === 'call' && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <SegmentedControl
                aria-label="Direction"
                data={[
                  { value: 'outbound', label: 'Outbound' },
                  { value: 'inbound', label: 'Inbound' },
                ]}
                {...form.getInputProps('callDirection')}
              />
              <Select
                label="Outcome"
                allowDeselect={false}
                data={Object.entries(callOutcomeLabels).map(([value, label]) => ({ value, label }))}
                {...form.getInputProps('outcome')}
              />
            </SimpleGrid>
            <TextInput label="Duration (minutes)" inputMode="decimal" {...form.getInputProps('minutes')} />
            <Textarea
              label="Notes"
              description={markdownHint}
              autosize
              minRows={2}
              {...form.getInputProps('notes')}
            />
          </>
        )}
        {type === 'meeting' && (
          <>
            <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput label="Starts" type="datetime-local" required {...form.getInputProps('startsAt')} />
              <TextInput label="Ends" type="datetime-local" required {...form.getInputProps('endsAt')} />
            </SimpleGrid>
            <TextInput label="Location" {...form.getInputProps('location')} />
            <AttendeePickers
              value={form.getValues().pickedAttendees}
              onChange={(next) => form.setFieldValue('pickedAttendees', next)}
            />
            <TextInput
              label="Other attendees"
              description="Email addresses, separated by commas"
              {...form.getInputProps('attendeeEmails')}
            />
            <Textarea
              label="Notes"
              description={markdownHint}
              autosize
              minRows={2}
              {...form.getInputProps('notes')}
            />
          </>
        )}
        {type === 'email' && (
          <>
            <SegmentedControl
              aria-label="Direction"
              data={[
                { value: 'sent', label: 'Sent' },
                { value: 'received', label: 'Received' },
              ]}
              {...form.getInputProps('emailDirection')}
            />
            <TextInput label="Subject" required data-autofocus {...form.getInputProps('subject')} />
            <Textarea
              label="Email"
              description={markdownHint}
              autosize
              minRows={3}
              maxRows={12}
              required
              {...form.getInputProps('body')}
            />
          </>
        )}
        {!forEdit && type !== 'meeting' && (
          <TextInput
            label="When"
            description="Leave empty for now"
            type="datetime-local"
            {...form.getInputProps('occurredAt')}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
