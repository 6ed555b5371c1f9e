import { type KeyPair, ws } from '../store/key-parts';

/**
 * The custom-fields capability: field definitions.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const customFieldsKeys = {
  /** Custom field definitions of a workspace, one partition. */
  fieldDefinition: (workspaceId: string, entity: string, key: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: `FIELD#${entity}#${key}`,
  }),
  fieldDefinitionsPrefix: (workspaceId: string, entity?: string) => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    skPrefix: entity ? `FIELD#${entity}#` : 'FIELD#',
  }),
};
