import { contactsErrors } from '../../shared/contacts/contacts-errors';
import { emailTemplatesErrors } from '../../shared/email-templates/email-templates-errors';
import { emailTemplatesRoutes } from '../../shared/email-templates/email-templates-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { createEmailTemplateRoute } from './create-email-template';
import { deleteEmailTemplateRoute } from './delete-email-template';
import { getEmailTemplateRoute } from './get-email-template';
import { listEmailTemplatesRoute } from './list-email-templates';
import { listMergeFieldsRoute } from './list-merge-fields';
import { previewEmailTemplateRoute } from './preview-email-template';
import { sendTestEmailRoute } from './send-test-email';
import { updateEmailTemplateRoute } from './update-email-template';

/** The email templates API function: every route of the capability, one Lambda (no MJML compiler in it). */
export const handler = apiRouter(
  emailTemplatesRoutes,
  {
    ListEmailTemplates: listEmailTemplatesRoute,
    CreateEmailTemplate: createEmailTemplateRoute,
    GetEmailTemplate: getEmailTemplateRoute,
    UpdateEmailTemplate: updateEmailTemplateRoute,
    DeleteEmailTemplate: deleteEmailTemplateRoute,
    ListMergeFields: listMergeFieldsRoute,
    PreviewEmailTemplate: previewEmailTemplateRoute,
    SendTestEmail: sendTestEmailRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [emailTemplatesErrors, contactsErrors] },
);
