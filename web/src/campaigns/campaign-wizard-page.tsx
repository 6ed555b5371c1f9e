import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Stepper,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Campaign, CampaignInput, type ScheduleInput } from '../../../shared/campaigns/campaign';
import { messageOf } from '../api/api-error';
import { EmailSettingsMissing } from '../email-settings/email-settings-missing';
import { emailSettingsQuery } from '../email-settings/email-settings-queries';
import { lists } from '../lists/list-queries';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { AudienceCountPanel } from './audience-count';
import { formatLocalDateTime, nowInZone } from './campaign-format';
import {
  campaignQuery,
  templatesQuery,
  useCreateCampaign,
  useScheduleCampaign,
  useUpdateCampaign,
} from './campaign-queries';
import { audienceOf, problemOf, steps, valuesOf, type WizardValues } from './campaign-wizard-values';
import { CompileBadge, TemplatePreview } from './template-preview';

function ReviewLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" miw={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function Wizard({ campaign }: { campaign: Campaign | undefined }) {
  const navigate = useNavigate();
  const toast = useToast();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [values, setValues] = useState<WizardValues>(() => valuesOf(campaign));
  const [step, setStep] = useState(0);
  const [shown, setShown] = useState<string | undefined>();
  const [saved, setSaved] = useState<Campaign | undefined>(campaign);
  const set = <Key extends keyof WizardValues>(key: Key, value: WizardValues[Key]) => {
    setShown(undefined);
    setValues((current) => ({ ...current, [key]: value }));
  };

  const listQuery = useQuery(lists.listQuery());
  const templates = useQuery(templatesQuery());
  const settings = useQuery(emailSettingsQuery());
  const timeZone = settings.data?.timeZone;
  const audience = useMemo(() => audienceOf(values), [values]);
  const [countedAudience] = useDebouncedValue(audience, 400);
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const schedule = useScheduleCampaign();

  const listOptions = (listQuery.data ?? []).map((list) => ({ value: list.id, label: list.name }));
  const listName = (id: string) => listQuery.data?.find((list) => list.id === id)?.name ?? 'A removed list';
  const template = templates.data?.items.find((item) => item.id === values.templateId);

  const go = (next: number) => {
    for (let at = 0; at < next; at++) {
      const problem = problemOf(at, values, timeZone);
      if (problem) {
        setStep(at);
        setShown(problem);
        return;
      }
    }
    setShown(undefined);
    setStep(next);
  };

  /** Creates the draft, or saves what changed on it; answers the stored campaign. */
  const save = async (): Promise<Campaign> => {
    const input = CampaignInput.parse({
      name: values.name,
      templateId: values.templateId,
      audience: audienceOf(values),
      ...(values.sendRate === '' ? {} : { sendRatePerSecond: values.sendRate }),
    });
    if (!saved) {
      const created = await create.mutateAsync(input);
      setSaved(created);
      return created;
    }
    const stored = await update.mutateAsync({
      campaign: saved,
      patch: {
        name: input.name,
        templateId: input.templateId,
        audience: input.audience,
        sendRatePerSecond: input.sendRatePerSecond ?? null,
      },
    });
    setSaved(stored);
    return stored;
  };

  const [pending, setPending] = useState<'draft' | 'schedule' | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const run = async (what: 'draft' | 'schedule') => {
    setPending(what);
    setFailure(undefined);
    try {
      const stored = await save();
      if (what === 'draft') {
        toast('Draft saved');
        navigate(`/email/campaigns/${stored.id}`);
        return;
      }
      const input: ScheduleInput = values.when === 'later' ? { sendAt: values.sendAt } : {};
      await schedule.mutateAsync({ id: stored.id, input });
      toast(values.when === 'later' ? 'Campaign scheduled' : 'Campaign is being sent');
      navigate(`/email/campaigns/${stored.id}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(undefined);
    }
  };

  const problem = shown ?? undefined;
  return (
    <Stack gap="lg" maw={1080}>
      <Stepper
        active={step}
        onStepClick={go}
        size="sm"
        orientation={isPhone ? 'vertical' : 'horizontal'}
        aria-label="Campaign steps"
      >
        {steps.map((label) => (
          <Stepper.Step key={label} label={label} />
        ))}
      </Stepper>
      {problem && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {problem}
        </Alert>
      )}
      {step === 0 && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <TextInput
                label="Campaign name"
                description="For you and your colleagues; recipients see the template's subject."
                required
                value={values.name}
                onChange={(event) => set('name', event.currentTarget.value)}
                maxLength={120}
              />
              <MultiSelect
                label="Send to these lists"
                placeholder={values.include.length ? undefined : 'Choose lists'}
                required
                searchable
                data={listOptions}
                value={values.include}
                onChange={(value) => set('include', value)}
                nothingFoundMessage={listQuery.isPending ? 'Loading…' : 'No list by that name'}
              />
              <MultiSelect
                label="Leave out the members of these lists"
                searchable
                clearable
                data={listOptions.filter((option) => !values.include.includes(option.value))}
                value={values.excludeLists}
                onChange={(value) => set('excludeLists', value)}
              />
              <TagsInput
                label="Leave out contacts with these tags"
                description="Press Enter after each tag."
                clearable
                value={values.excludeTags}
                onChange={(value) =>
                  set(
                    'excludeTags',
                    value.map((tag) => tag.trim().toLowerCase()),
                  )
                }
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ReviewLine label="Send rate">
              {values.sendRate === ''
                ? `As fast as the SES quota allows (${settings.data?.maxSendRate ?? 14} a second)`
                : `At most ${values.sendRate} a second`}
            </ReviewLine>
            <AudienceCountPanel audience={countedAudience} />
          </Grid.Col>
        </Grid>
      )}
      {step === 1 && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm">
              <Select
                label="Template"
                placeholder="Choose a template"
                required
                searchable
                data={(templates.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
                value={values.templateId}
                onChange={(value) => set('templateId', value)}
                nothingFoundMessage={templates.isPending ? 'Loading…' : 'No template by that name'}
              />
              {templates.isError && (
                <Alert color="red" icon={<IconAlertCircle />} role="alert">
                  {messageOf(templates.error)}
                </Alert>
              )}
              {template && (
                <Text size="sm" component="div">
                  Subject: {template.subject} <CompileBadge compile={template.compile} />
                </Text>
              )}
              {templates.data?.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  No template yet:{' '}
                  <Anchor component={Link} to="/email/templates">
                    write one first
                  </Anchor>
                  .
                </Text>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {values.templateId && <TemplatePreview templateId={values.templateId} />}
          </Grid.Col>
        </Grid>
      )}
      {step === 2 && (
        <Stack gap="md" maw={520}>
          {settings.isPending ? null : !timeZone ? (
            <EmailSettingsMissing />
          ) : (
            <>
              <Radio.Group
                label="When"
                value={values.when}
                onChange={(value) => set('when', value === 'later' ? 'later' : 'now')}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="now" label="Send now" />
                  <Radio value="later" label="Send at a date and time" />
                </Stack>
              </Radio.Group>
              {values.when === 'later' && (
                <TextInput
                  type="datetime-local"
                  label={`Send at (${timeZone})`}
                  description={`In the workspace's time zone, ${timeZone}: it is ${formatLocalDateTime(nowInZone(timeZone))} there now.`}
                  value={values.sendAt}
                  min={nowInZone(timeZone)}
                  onChange={(event) => set('sendAt', event.currentTarget.value.slice(0, 16))}
                />
              )}
              <NumberInput
                label="Send rate (messages a second)"
                description={`Leave empty to send as fast as the deployment's SES quota allows (${settings.data?.maxSendRate ?? 14} a second, shared by every campaign).`}
                placeholder={`Up to ${settings.data?.maxSendRate ?? 14}`}
                min={1}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                value={values.sendRate}
                onChange={(value) => set('sendRate', typeof value === 'number' ? value : '')}
              />
            </>
          )}
        </Stack>
      )}
      {step === 3 && (
        <Paper withBorder radius="md" p="md" component="section" aria-label="Review">
          <Stack gap="sm">
            <ReviewLine label="Name">{values.name}</ReviewLine>
            <ReviewLine label="Lists">{values.include.map(listName).join(', ')}</ReviewLine>
            <ReviewLine label="Leaving out">
              {[
                ...values.excludeLists.map(listName),
                ...values.excludeTags.map((tag) => `tag “${tag}”`),
              ].join(', ') || 'Nobody'}
            </ReviewLine>
            <ReviewLine label="Template">
              {template ? (
                <>
                  {template.name} <CompileBadge compile={template.compile} />
                </>
              ) : (
                '—'
              )}
            </ReviewLine>
            <ReviewLine label="Subject">{template?.subject ?? '—'}</ReviewLine>
            <ReviewLine label="From">
              {settings.data ? `${settings.data.fromName} <${settings.data.fromAddress}>` : '—'}
            </ReviewLine>
            <ReviewLine label="When">
              {values.when === 'now'
                ? 'Now'
                : `${formatLocalDateTime(values.sendAt)} (${timeZone ?? 'the workspace time zone'})`}
            </ReviewLine>
            <ReviewLine label="Send rate">
              {values.sendRate === ''
                ? `As fast as the SES quota allows (${settings.data?.maxSendRate ?? 14} a second)`
                : `At most ${values.sendRate} a second`}
            </ReviewLine>
            <AudienceCountPanel audience={countedAudience} />
          </Stack>
        </Paper>
      )}
      {failure ? (
        <Alert color="red" icon={<IconAlertCircle />} title="Not scheduled" role="alert">
          {messageOf(failure)}
        </Alert>
      ) : null}
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          {step > 0 && (
            <Button variant="default" onClick={() => go(step - 1)}>
              Back
            </Button>
          )}
          <Button
            variant="subtle"
            onClick={() => void run('draft')}
            loading={pending === 'draft'}
            disabled={problemOf(0, values, timeZone) !== undefined || !values.templateId}
          >
            Save draft
          </Button>
        </Group>
        {step < steps.length - 1 ? (
          <Button onClick={() => go(step + 1)}>Next</Button>
        ) : (
          <Button onClick={() => void run('schedule')} loading={pending === 'schedule'}>
            {values.when === 'now' ? 'Schedule: send now' : 'Schedule'}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/**
 * The campaign wizard, for a new campaign or a draft or scheduled one: audience (lists in, lists and tags
 * out, with a live count of who receives it and who is skipped and why), content (a template, its compile
 * status and a preview), schedule (now, or a date and time in the workspace's time zone), review.
 */
export function CampaignWizardPage() {
  const { campaignId } = useParams();
  const query = useQuery({ ...campaignQuery(campaignId ?? ''), enabled: campaignId !== undefined });
  const title = campaignId ? 'Edit campaign' : 'New campaign';
  if (campaignId && query.isPending) return <DetailSkeleton />;
  if (campaignId && query.isError) {
    return (
      <DetailError
        error={query.error}
        what="campaign"
        backTo="/email/campaigns"
        onRetry={() => query.refetch()}
      />
    );
  }
  const campaign = query.data;
  const editable = !campaign || campaign.status === 'draft' || campaign.status === 'scheduled';
  return (
    <Stack gap="lg">
      <BackLink to={campaign ? `/email/campaigns/${campaign.id}` : '/email/campaigns'}>
        {campaign ? campaign.name : 'Campaigns'}
      </BackLink>
      <PageHeader title={title} />
      {editable ? (
        <Wizard campaign={campaign} />
      ) : (
        <Alert color="yellow" icon={<IconAlertCircle />}>
          This campaign has started: only a draft or a scheduled campaign can change.
        </Alert>
      )}
    </Stack>
  );
}
