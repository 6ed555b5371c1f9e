import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { tasksKeys } from './tasks-keys';

/**
 * What tasks keep of a person: a task about a contact may name the person in its title and notes. Found on
 * byParent under the contact (its open and done tasks alike); erasing the person deletes them, and the
 * contact's open-work item, which repeats the titles of its open tasks.
 */
export const tasksPersonalData = [
  {
    itemType: 'task',
    description: 'A task about the person: its title and notes may name them',
    attributes: ['title', 'notes', 'related'],
    erasure: 'delete',
    location: { kind: 'index', index: 'byParent', partition: tasksKeys.contactTasksPartition },
  },
  {
    // written by tasks first; tickets and deals add their entries to the same item (decision 150)
    itemType: 'openWork',
    description:
      "The contact's open work: the titles, due times and assignees of its open tasks, tickets, deals",
    attributes: ['open:*'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'CONTACT#OPEN_WORK' },
  },
] as const satisfies readonly PersonalDataDeclaration[];
