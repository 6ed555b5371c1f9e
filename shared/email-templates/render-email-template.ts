import { emailKeys } from '../email/email-keys';
import type { Mailer } from '../email/mailer';
import { messageTags } from '../email/message-tags';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { ConflictError, NotFoundError } from '../platform/errors';
import { GetCommand } from '../store/document-client';
import type { Store } from '../store/store';
import type { CompiledTemplate, TemplatePreview } from './email-template';
import { getTemplate } from './email-template-store';
import { readMergeContext } from './merge-context-loader';
import {
  type MergeContext,
  mergeContextOf,
  parseMergeFields,
  renderMergeFields,
  renderSubject,
} from './merge-fields';

/**
 * Links in a preview or a test send go nowhere: they must not unsubscribe the contact previewed, and the
 * signed links of a real send exist only per campaign and recipient.
 */
const previewLinks = { unsubscribeUrl: '#unsubscribe', preferencesUrl: '#email-preferences' };

/** What the workspace's email settings say about its sender (name, reply-to); one GetItem. */
async function readSender(store: Store, workspaceId: string) {
  const { Item: settings } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: emailKeys.settings(workspaceId),
      ProjectionExpression: 'fromName, replyTo',
    }),
  );
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    fromName: text(settings?.fromName),
    replyTo: text(settings?.replyTo),
  };
}

/** The compiled parts of the template's current version: 409 `email_template.not_compiled` until ready. */
async function readyCompiled(
  store: Store,
  workspaceId: string,
  templateId: string,
): Promise<CompiledTemplate> {
  const { template, compiled } = await getTemplate(store, workspaceId, templateId);
  if (
    template.compile.status !== 'ready' ||
    template.compile.version !== template.version ||
    compiled?.version !== template.version
  ) {
    throw new ConflictError('email_template.not_compiled');
  }
  return compiled;
}

/** The merge context of a preview: the contact's (404 when the workspace has none), or fallbacks alone. */
async function previewContext(
  store: Store,
  workspaceId: string,
  contactId: string | undefined,
  workspaceName: string | undefined,
): Promise<MergeContext> {
  if (contactId === undefined) return mergeContextOf({ workspaceName, ...previewLinks });
  const context = await readMergeContext(store, workspaceId, contactId, { workspaceName, ...previewLinks });
  if (!context) throw new NotFoundError('contact.not_found');
  return context;
}

/** Merges compiled parts for one context: the subject as one plain line, HTML escaped, text plain. */
export function mergeCompiled(compiled: CompiledTemplate, context: MergeContext): TemplatePreview {
  const parts = (source: string) => {
    const parsed = parseMergeFields(source);
    // compiled from a template whose fields were checked on save; a tag that no longer parses stays text
    return parsed.ok ? parsed.parts : [{ kind: 'text' as const, text: source }];
  };
  return {
    subject: renderSubject(parts(compiled.subject), context),
    html: renderMergeFields(parts(compiled.html), context, 'html'),
    text: renderMergeFields(parts(compiled.text), context, 'text'),
  };
}

/** The compiled template merged for one contact of the workspace, or with its fallbacks alone. */
export async function previewEmailTemplate(
  { store }: Deps,
  workspaceId: string,
  templateId: string,
  contactId?: string,
): Promise<TemplatePreview> {
  const compiled = await readyCompiled(store, workspaceId, templateId);
  const sender = await readSender(store, workspaceId);
  return mergeCompiled(compiled, await previewContext(store, workspaceId, contactId, sender.fromName));
}

export interface TestSendDeps extends Deps {
  mailer: Mailer;
  /** The deployment's sender (MAIL_FROM). */
  defaultFrom: string;
}

/**
 * Sends the template to the signed-in member's own address (the token's email), merged for a contact or with
 * fallbacks: subject prefixed `[Test] `, tagged `crm_kind=test`, and sent without the marketing
 * configuration set, so no SES event comes back and nothing counts it.
 */
export async function sendTestEmail(
  { store, mailer, defaultFrom }: TestSendDeps,
  caller: Pick<AuthContext, 'workspaceId' | 'email'>,
  templateId: string,
  contactId?: string,
): Promise<{ to: string; messageId: string }> {
  const { workspaceId } = caller;
  const compiled = await readyCompiled(store, workspaceId, templateId);
  const sender = await readSender(store, workspaceId);
  const merged = mergeCompiled(
    compiled,
    await previewContext(store, workspaceId, contactId, sender.fromName),
  );
  const { messageId } = await mailer.send({
    // the deployment's own sender: the only address the function's SES grant allows (ses:FromAddress)
    from: defaultFrom,
    to: caller.email,
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    subject: `[Test] ${merged.subject}`,
    html: merged.html,
    text: merged.text,
    tags: {
      [messageTags.workspace]: workspaceId.replace(/[^A-Za-z0-9_-]/g, '_'),
      [messageTags.kind]: 'test',
    },
  });
  return { to: caller.email, messageId };
}
