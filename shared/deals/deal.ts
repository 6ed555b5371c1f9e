import * as z from 'zod/mini';
import { singleLine } from '../platform/single-line-text';
import {
  CustomFieldChanges,
  listQueryShape,
  RecordId,
  recordMeta,
  Tag,
  Tags,
} from '../records/record-fields';
import { memberIdPattern } from '../team/active-member-check';
import { Amount, Currency, currencyDecimals, isCurrency } from './money';
import { Pipeline, StageTotals } from './pipeline';

/**
 * Deals: a sale the team is working on, in a pipeline's stage, open until won or lost. Its amount is an
 * exact decimal string with its currency (money.ts). A deal has one primary contact and up to
 * `maxOtherContacts` others, maybe a company, and an owner (an active member). Its place in its stage's
 * column is `position`, a fractional-index string (board-position.ts) that the board orders by.
 */
export const DealStatus = z.enum(['open', 'won', 'lost']);
export type DealStatus = z.output<typeof DealStatus>;

export const maxOtherContacts = 9;

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD.'),
  z.refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
      new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    'This is not a real date.',
  ),
);

/** A board position: a fractional-index key (digits and letters), compared as text. */
export const BoardPosition = z
  .string()
  .check(z.regex(/^[0-9A-Za-z]{1,64}$/, 'This is not a board position.'));

const dealFields = {
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Give the deal a name.'),
      z.maxLength(200, 'Keep the name to 200 characters.'),
      singleLine(),
    ),
  ownerId: z.string().check(z.regex(memberIdPattern, 'This is not a member id.')),
  contactIds: z.array(RecordId).check(
    z.maxLength(maxOtherContacts, `At most ${maxOtherContacts} other contacts.`),
    z.refine((ids) => new Set(ids).size === ids.length, 'Name each contact once.'),
  ),
  lostReason: z.string().check(z.trim(), z.minLength(1), z.maxLength(80), singleLine()),
};

/**
 * An amount may not have more decimals than its currency (2 for EUR, 0 for JPY). Zod runs this check even
 * when a field failed: a code that is no currency (refused by `Currency` already) is left alone here, as
 * Intl throws on it.
 */
const amountFitsCurrency = z.refine<{ amount?: string | null; currency?: string }>(
  (deal) =>
    !deal.amount ||
    !deal.currency ||
    !isCurrency(deal.currency) ||
    (deal.amount.split('.')[1]?.length ?? 0) <= currencyDecimals(deal.currency),
  { message: 'The amount has more decimals than its currency allows.', path: ['amount'] },
);

export const DealInput = z
  .strictObject({
    name: dealFields.name,
    amount: z._default(Amount, '0'),
    currency: Currency,
    expectedCloseDate: z.optional(CalendarDate),
    /** The caller when left out. */
    ownerId: z.optional(dealFields.ownerId),
    primaryContactId: z.optional(RecordId),
    contactIds: z._default(dealFields.contactIds, []),
    companyId: z.optional(RecordId),
    /** The workspace's default pipeline when left out. */
    pipelineId: z.optional(RecordId),
    /** The pipeline's first stage when left out. */
    stageId: z.optional(RecordId),
    /** The end of the column when left out. */
    position: z.optional(BoardPosition),
    tags: z._default(Tags, []),
    customFields: z.optional(CustomFieldChanges),
  })
  .check(amountFitsCurrency);
export type DealInput = z.output<typeof DealInput>;

/**
 * A change (If-Match version). A field sent is set, `null` clears an optional one, a field left out stays.
 * A new `stageId` (and/or `position`) moves the deal on the board; `pipelineId` moves it to another
 * pipeline (with a `stageId` of that pipeline); `status: 'won' | 'lost'` closes it (`lostReason`, one of
 * the workspace's lost reasons, is required for lost); `status: 'open'` reopens it (into `stageId`, or the
 * stage it left).
 */
export const DealPatch = z
  .strictObject({
    name: z.optional(dealFields.name),
    amount: z.optional(Amount),
    currency: z.optional(Currency),
    expectedCloseDate: z.optional(z.nullable(CalendarDate)),
    ownerId: z.optional(dealFields.ownerId),
    primaryContactId: z.optional(z.nullable(RecordId)),
    contactIds: z.optional(dealFields.contactIds),
    companyId: z.optional(z.nullable(RecordId)),
    pipelineId: z.optional(RecordId),
    stageId: z.optional(RecordId),
    position: z.optional(BoardPosition),
    status: z.optional(DealStatus),
    lostReason: z.optional(dealFields.lostReason),
    tags: z.optional(Tags),
    customFields: z.optional(CustomFieldChanges),
  })
  .check(
    z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'),
    z.refine((value) => value.status === 'lost' || value.lostReason === undefined, {
      message: 'A lost reason goes with status lost.',
      path: ['lostReason'],
    }),
    z.refine((value) => value.status !== 'lost' || value.lostReason !== undefined, {
      message: 'Say why the deal was lost.',
      path: ['lostReason'],
    }),
    amountFitsCurrency,
  );
export type DealPatch = z.output<typeof DealPatch>;

export const Deal = z.object({
  ...recordMeta,
  name: z.string(),
  amount: z.string(),
  currency: z.string(),
  expectedCloseDate: z.optional(z.string()),
  ownerId: z.string(),
  primaryContactId: z.optional(z.string()),
  contactIds: z.array(z.string()),
  companyId: z.optional(z.string()),
  pipelineId: z.string(),
  stageId: z.string(),
  /** When the deal entered its current stage. */
  stageEnteredAt: z.string(),
  position: z.string(),
  status: DealStatus,
  lostReason: z.optional(z.string()),
  closedAt: z.optional(z.string()),
  tags: z.array(z.string()),
  customFields: z.optional(z.record(z.string(), z.unknown())),
  createdBy: z.string(),
});
export type Deal = z.output<typeof Deal>;

export const DealPath = z.object({ dealId: z.string() });

/**
 * One entry of a deal's history, newest last: created, a stage move (with the time spent in the stage it
 * left), won, lost, reopened, or a change of amount or expected close date. Written in the change's
 * transaction.
 */
export const DealHistoryKind = z.enum(['created', 'stage', 'won', 'lost', 'reopened', 'amount', 'closeDate']);
export const DealHistoryEntry = z.object({
  id: z.string(),
  dealId: z.string(),
  kind: DealHistoryKind,
  at: z.string(),
  /** The member who made the change. */
  by: z.string(),
  pipelineId: z.string(),
  fromStageId: z.optional(z.string()),
  toStageId: z.optional(z.string()),
  /** Milliseconds the deal spent in the stage it left (stage moves, won, lost). */
  timeInStageMs: z.optional(z.number()),
  /** The old and new value of an amount (`1200.00 EUR`) or close-date change. */
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  lostReason: z.optional(z.string()),
});
export type DealHistoryEntry = z.output<typeof DealHistoryEntry>;
export const DealHistory = z.object({ items: z.array(DealHistoryEntry) });

/**
 * Which deals: by status (open deals by expected close date, won and lost newest closed first), or a
 * member's (`ownerId`), a contact's, a company's. Each is one Query of an index (deals-keys.ts).
 */
export const DealsQuery = z
  .strictObject({
    status: z.optional(DealStatus),
    ownerId: z.optional(dealFields.ownerId),
    contactId: z.optional(RecordId),
    companyId: z.optional(RecordId),
    limit: listQueryShape.limit,
    cursor: listQueryShape.cursor,
    q: listQueryShape.q,
  })
  .check(
    z.refine(
      (query) => [query.ownerId, query.contactId, query.companyId].filter(Boolean).length <= 1,
      'Filter by one of owner, contact or company.',
    ),
  );
export type DealsQuery = z.output<typeof DealsQuery>;
export const DealPage = z.object({ items: z.array(Deal), nextCursor: z.optional(z.string()) });

/**
 * The board of a pipeline: every stage with its totals and first page of open deals by position; with
 * `stageId` (and `cursor`), one column's next page. `ownerId` and `tag` narrow the cards (not the totals).
 */
export const BoardQuery = z.strictObject({
  stageId: z.optional(RecordId),
  cursor: listQueryShape.cursor,
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  ownerId: z.optional(dealFields.ownerId),
  tag: z.optional(Tag),
});
export type BoardQuery = z.output<typeof BoardQuery>;

export const BoardColumn = z.object({
  stageId: z.string(),
  name: z.string(),
  probability: z.int(),
  totals: StageTotals,
  cards: z.array(Deal),
  nextCursor: z.optional(z.string()),
});
export type BoardColumn = z.output<typeof BoardColumn>;

export const Board = z.object({
  pipeline: Pipeline,
  columns: z.array(BoardColumn),
});
export type Board = z.output<typeof Board>;
