import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { tasksKeys } from './tasks-keys';

/**
 * What tasks keep of a person: a task about a contact may name the person in its title and notes. Found on
 * byParent under the contact (its open and done tasks alike); erasing the person deletes them. The
 * contact's open-work item, which repeats their titles, is declared by activities (activities-personal-data.ts).
 */
export const tasksPersonalData = [
  {
    itemType: 'task',
    description: 'A task about the person: its title and notes may name them',
    attributes: ['title', 'notes', 'related'],
    erasure: 'delete',
    location: { kind: 'index', index: 'byParent', partition: tasksKeys.contactTasksPartition },
  },
] as const satisfies readonly PersonalDataDeclaration[];
