import { type KeyPair, ws } from '../store/key-parts';

/**
 * Email templates (decision 170). Built here and nowhere else (keys.ts gathers them); golden tests pin the
 * strings. A template is one item with its source; its compiled parts are a second item in the same
 * partition (written by CompileEmailTemplate, read only to merge). Listed on byCollection, newest first.
 */
export const emailTemplatesKeys = {
  template: (workspaceId: string, templateId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#EMAIL_TEMPLATE#${templateId}`,
    sk: 'TEMPLATE',
  }),
  compiledTemplate: (workspaceId: string, templateId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#EMAIL_TEMPLATE#${templateId}`,
    sk: 'COMPILED',
  }),
  templateListed: (workspaceId: string, templateId: string) => ({
    gsi1pk: emailTemplatesKeys.templatesPartition(workspaceId),
    gsi1sk: templateId,
  }),
  templatesPartition: (workspaceId: string) => `${ws(workspaceId)}#EMAIL_TEMPLATES`,
};
