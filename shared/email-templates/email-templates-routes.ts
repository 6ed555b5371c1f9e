import { defineRoutes } from '../platform/capability';
import { everyone, marketingTeam } from '../platform/roles';
import {
  EmailTemplate,
  EmailTemplateInput,
  EmailTemplatePage,
  EmailTemplatePatch,
  EmailTemplatePath,
  EmailTemplatesQuery,
  MergeFieldCatalog,
  TemplatePreview,
  TemplatePreviewInput,
  TestSendInput,
  TestSendResult,
} from './email-template';

/** The routes of email templates: what each accepts, answers and who may call it. */
export const emailTemplatesRoutes = defineRoutes({
  ListEmailTemplates: {
    method: 'GET',
    path: '/api/email/templates',
    roles: everyone,
    summary: 'The email templates, newest first',
    query: EmailTemplatesQuery,
    response: EmailTemplatePage,
  },
  CreateEmailTemplate: {
    method: 'POST',
    path: '/api/email/templates',
    roles: marketingTeam,
    summary: 'Save a template (MJML body, merge fields checked; compiled to HTML and text right after)',
    body: EmailTemplateInput,
    response: EmailTemplate,
    status: 201,
  },
  GetEmailTemplate: {
    method: 'GET',
    path: '/api/email/templates/{templateId}',
    roles: everyone,
    summary: 'Read one template with its compile status',
    params: EmailTemplatePath,
    response: EmailTemplate,
  },
  UpdateEmailTemplate: {
    method: 'PATCH',
    path: '/api/email/templates/{templateId}',
    roles: marketingTeam,
    summary: 'Change a template (If-Match version); a new body is compiled again',
    params: EmailTemplatePath,
    body: EmailTemplatePatch,
    response: EmailTemplate,
    ifMatch: true,
  },
  DeleteEmailTemplate: {
    method: 'DELETE',
    path: '/api/email/templates/{templateId}',
    roles: marketingTeam,
    summary: 'Delete a template (campaigns keep the copy they were scheduled with)',
    params: EmailTemplatePath,
    status: 204,
  },
  ListMergeFields: {
    method: 'GET',
    path: '/api/email/merge-fields',
    roles: everyone,
    summary: 'The merge fields templates may use in this workspace, custom fields included',
    response: MergeFieldCatalog,
  },
  PreviewEmailTemplate: {
    method: 'GET',
    path: '/api/email/templates/{templateId}/preview',
    roles: everyone,
    summary: 'The compiled template merged for one contact (or with its fallbacks)',
    params: EmailTemplatePath,
    query: TemplatePreviewInput,
    response: TemplatePreview,
  },
  SendTestEmail: {
    method: 'POST',
    path: '/api/email/templates/{templateId}/test-send',
    roles: marketingTeam,
    summary: "Send the template to the signed-in member's own address, merged for a contact",
    params: EmailTemplatePath,
    body: TestSendInput,
    response: TestSendResult,
    // accepted by SES for delivery: the message reaches the mailbox after the answer
    status: 202,
  },
});
