import type { Deps } from '../platform/deps';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import type { CompiledTemplate, CompileState } from './email-template';
import { compiledItem, findTemplate } from './email-template-store';
import { emailTemplatesKeys } from './email-templates-keys';
import type { CompileResult } from './mjml-compiler';

/** The compiler port: mjml-compiler.ts in the function, anything that answers the same in a test. */
export type MjmlCompiler = (mjml: string, preheader?: string) => Promise<CompileResult>;

export type CompileOutcome = 'ready' | 'invalid' | 'stale';

/**
 * Compiles one saved version of a template (`email_template.saved`). Primary course:
 * 1. read the template; a newer version (or none: deleted) makes this event stale, nothing is written;
 * 2. compile the MJML with merge tags protected, the preheader as hidden preview text, and the text part;
 * 3. ready: put the `COMPILED` item and set `compile` ready, in one transaction conditioned on the version;
 *    invalid: set `compile` invalid with MJML's errors (and lines), conditioned the same way.
 * A save between the read and the write fails the condition: the newer save wins, its own event compiles it.
 */
export async function compileEmailTemplate(
  { store, clock }: Deps,
  workspaceId: string,
  event: { templateId: string; version: number },
  compile: MjmlCompiler,
): Promise<CompileOutcome> {
  const found = await findTemplate(store, workspaceId, event.templateId);
  if (!found || found.template.version !== event.version) return 'stale';
  const { template } = found;
  const result = await compile(template.mjml, template.preheader);
  const now = clock().toISOString();
  const state: CompileState = result.ok
    ? { status: 'ready', version: template.version, compiledAt: now }
    : { status: 'invalid', version: template.version, errors: result.errors, compiledAt: now };
  const setState = {
    Update: {
      TableName: store.tableName,
      Key: emailTemplatesKeys.template(workspaceId, template.id),
      UpdateExpression: 'SET #compile = :compile',
      ConditionExpression: 'attribute_exists(pk) AND #version = :version',
      ExpressionAttributeNames: { '#compile': 'compile', '#version': 'version' },
      ExpressionAttributeValues: { ':compile': state, ':version': template.version },
    },
  };
  const compiled: CompiledTemplate | undefined = result.ok
    ? {
        templateId: template.id,
        version: template.version,
        subject: template.subject,
        ...(template.preheader ? { preheader: template.preheader } : {}),
        html: result.html,
        text: result.text,
      }
    : undefined;
  try {
    await writeTransaction(store, [
      setState,
      ...(compiled
        ? [{ Put: { TableName: store.tableName, Item: compiledItem(workspaceId, compiled) } }]
        : []),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) return 'stale';
    throw error;
  }
  return state.status === 'ready' ? 'ready' : 'invalid';
}
