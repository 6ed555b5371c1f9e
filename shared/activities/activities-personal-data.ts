import type { PersonalDataDeclaration } from '../privacy/personal-data';

/**
 * What a contact's timeline keeps of the person: its entries (activities logged about it, its form
 * submissions, its orders, its tickets' moments), the earlier texts of its edited activities, and the
 * summary of its open work. All in the contact's partition: erasing the person deletes them.
 * A company's activities (in the company's partition) are the company's, not a person's: they are not
 * declared here, and erasing a contact leaves them; what a note about a company says of a person is for
 * its author to edit or delete.
 */
export const activitiesPersonalData = [
  {
    itemType: 'timelineEntry',
    description:
      "An entry of the contact's timeline: a note, call, meeting or email about the person, a form submission (where it came from, what else it posted), an order, a ticket's moment",
    attributes: [
      'body',
      'bodyHtml',
      'notes',
      'notesHtml',
      'subject',
      'attendees',
      'fields',
      'ip',
      'userAgent',
    ],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'CONTACT#TIMELINE#' },
  },
  {
    itemType: 'activityRevision',
    description: 'What an edited activity about the person said before, kept for audit',
    attributes: ['content'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'REVISION#' },
  },
  {
    itemType: 'openWork',
    description: "A summary of the person's open tasks, tickets and deals (titles, due times, assignees)",
    attributes: ['open:*'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'CONTACT#OPEN_WORK' },
  },
] as const satisfies readonly PersonalDataDeclaration[];
