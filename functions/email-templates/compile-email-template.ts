import { compileEmailTemplate } from '../../shared/email-templates/compile-email-template';
import { EmailTemplateSaved } from '../../shared/email-templates/email-template-events';
import { compileMjml } from '../../shared/email-templates/mjml-compiler';
import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';

/**
 * email_template.saved: compiles the saved version (MJML to HTML and text) and marks it ready or invalid.
 * The one function over the bundle rule (decision 170): the compiler runs here, off the request path.
 */
export const handler = eventHandler({
  contract: EmailTemplateSaved,
  name: 'CompileEmailTemplate',
  deps: depsFromEnv(),
  handle: async (detail, { deps, log }) => {
    const outcome = await compileEmailTemplate(deps, detail.workspaceId, detail, compileMjml);
    log.info('template compiled', { templateId: detail.templateId, version: detail.version, outcome });
  },
});
