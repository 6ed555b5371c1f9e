/**
 * Merge fields: our Liquid subset (decision 170). Output tags only — `{{ path }}` and
 * `{{ path | default: "x" | upcase | downcase | capitalize }}` (arguments in single or double quotes,
 * whitespace anywhere between tokens). Anything else that looks like Liquid is refused with its 1-based line
 * and column: a `{{` never closed by `}}`, `{%` tags, unknown filters and, given the workspace's field set,
 * unknown variables. A source is parsed once into parts; `renderMergeFields` merges them for one recipient,
 * escaping every value for HTML in the HTML part and leaving the text part plain.
 *
 * Pure: no store, no node built-ins; the API, the compiler, the campaign sender and the web editor share it.
 * Reading the context's records is merge-context-loader.ts.
 */

export type MergeFilter =
  | { name: 'default'; arg: string }
  | { name: 'upcase' }
  | { name: 'downcase' }
  | { name: 'capitalize' };

export const mergeFilterNames = ['default', 'upcase', 'downcase', 'capitalize'] as const;

export interface TextPart {
  kind: 'text';
  text: string;
}
export interface FieldPart {
  kind: 'field';
  path: string;
  filters: MergeFilter[];
  /** The tag as written, `{{` to `}}`. */
  raw: string;
  /** Where the `{{` is, 1-based. */
  line: number;
  column: number;
}
export type MergePart = TextPart | FieldPart;

export interface MergeFieldError {
  message: string;
  line: number;
  column: number;
}

export type MergeParse =
  | { ok: true; parts: MergePart[]; fields: string[] }
  | { ok: false; errors: MergeFieldError[] };

/** The variables a workspace's templates may use: built-in ones plus its custom field definitions. */
export interface MergeFieldSet {
  paths: ReadonlySet<string>;
  catalog: readonly { path: string; label: string }[];
}

/** The built-in variables, with the labels the editor's menu shows. */
export const builtInMergeFields: readonly { path: string; label: string }[] = [
  { path: 'contact.firstName', label: 'Contact first name' },
  { path: 'contact.lastName', label: 'Contact last name' },
  { path: 'contact.email', label: 'Contact email' },
  { path: 'contact.phone', label: 'Contact phone' },
  { path: 'contact.jobTitle', label: 'Contact job title' },
  { path: 'company.name', label: 'Company name' },
  { path: 'company.domain', label: 'Company domain' },
  { path: 'company.website', label: 'Company website' },
  { path: 'company.industry', label: 'Company industry' },
  { path: 'company.city', label: 'Company city' },
  { path: 'company.country', label: 'Company country' },
  { path: 'owner.firstName', label: 'Owner first name' },
  { path: 'owner.lastName', label: 'Owner last name' },
  { path: 'owner.name', label: 'Owner name' },
  { path: 'owner.email', label: 'Owner email' },
  { path: 'workspace.name', label: 'Workspace name (the sender name of the email settings)' },
  { path: 'unsubscribe_url', label: 'Unsubscribe link' },
  { path: 'preferences_url', label: 'Email preferences link' },
];

/** The field set of a workspace from its custom field definitions (contact and company ones; deals have none here). */
export function mergeFieldSet(
  definitions: readonly { entity: string; key: string; label: string }[] = [],
): MergeFieldSet {
  const custom = definitions
    .filter((definition) => definition.entity === 'contact' || definition.entity === 'company')
    .map((definition) => ({
      path: `${definition.entity}.custom.${definition.key}`,
      label: `${definition.entity === 'contact' ? 'Contact' : 'Company'} ${definition.label}`,
    }));
  const catalog = [...builtInMergeFields, ...custom];
  return { paths: new Set(catalog.map((field) => field.path)), catalog };
}

// ---------------------------------------------------------------------------------------------- parsing

class Positions {
  private readonly lineStarts: number[] = [0];
  constructor(source: string) {
    for (let at = 0; at < source.length; at++) {
      if (source[at] === '\n') this.lineStarts.push(at + 1);
    }
  }
  at(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }
}

const identifierStart = /[A-Za-z_]/;
const identifierChar = /[A-Za-z0-9_]/;
const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\r';

/** One `{{ ... }}` body, from just after `{{` to its `}}`; throws a TagError at the offending offset. */
class TagError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface ParsedTag {
  path: string;
  pathOffset: number;
  filters: MergeFilter[];
  /** Offset just after the closing `}}`. */
  end: number;
}

function parseTag(source: string, start: number): ParsedTag {
  if (source.indexOf('}}', start) < 0) throw new TagError('This {{ is not closed by }}.', start - 2);
  let at = start;
  const skipSpace = () => {
    while (isSpace(source[at])) at++;
  };
  const atClose = () => source[at] === '}' && source[at + 1] === '}';
  const identifier = (what: string): string => {
    const from = at;
    if (!identifierStart.test(source[at] ?? '')) {
      if (at >= source.length) throw new TagError('This {{ is not closed by }}.', start - 2);
      if (atClose()) throw new TagError(`Expected ${what} before }}.`, at);
      throw new TagError(`Expected ${what}, found "${source[at]}".`, at);
    }
    while (identifierChar.test(source[at] ?? '')) at++;
    return source.slice(from, at);
  };

  skipSpace();
  const pathOffset = at;
  const segments = [identifier('a merge field name')];
  while (source[at] === '.') {
    at++;
    segments.push(identifier('a name after "."'));
  }
  const path = segments.join('.');
  const filters: MergeFilter[] = [];
  skipSpace();
  while (source[at] === '|') {
    at++;
    skipSpace();
    const nameOffset = at;
    const name = identifier('a filter name after "|"');
    skipSpace();
    let arg: string | undefined;
    if (source[at] === ':') {
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") {
        if (at >= source.length) throw new TagError('This {{ is not closed by }}.', start - 2);
        throw new TagError('Put the filter argument in quotes.', at);
      }
      const close = source.indexOf(quote, at + 1);
      if (close < 0) throw new TagError('This quoted argument is not closed.', at);
      arg = source.slice(at + 1, close);
      at = close + 1;
      skipSpace();
    }
    filters.push(checkFilter(name, arg, nameOffset));
  }
  if (atClose()) return { path, pathOffset, filters, end: at + 2 };
  if (at >= source.length) throw new TagError('This {{ is not closed by }}.', start - 2);
  throw new TagError(`Expected | or }}, found "${source[at]}".`, at);
}

function checkFilter(name: string, arg: string | undefined, offset: number): MergeFilter {
  if (name === 'default') {
    if (arg === undefined) throw new TagError('The default filter needs a value: default: "there".', offset);
    return { name, arg };
  }
  if (name === 'upcase' || name === 'downcase' || name === 'capitalize') {
    if (arg !== undefined) throw new TagError(`The ${name} filter takes no argument.`, offset);
    return { name };
  }
  throw new TagError(`Unknown filter "${name}": use ${mergeFilterNames.join(', ')}.`, offset);
}

/**
 * Parses a source (subject, preheader, MJML or compiled HTML) into parts. With a field set, variables
 * outside it are errors; without one (rendering a snapshot whose fields were checked on save) any
 * well-formed path is accepted and an unknown one renders empty. Every error is reported, each once.
 */
export function parseMergeFields(source: string, fieldSet?: MergeFieldSet): MergeParse {
  const positions = new Positions(source);
  const parts: MergePart[] = [];
  const fields: string[] = [];
  const errors: MergeFieldError[] = [];
  const fail = (message: string, offset: number) => errors.push({ message, ...positions.at(offset) });
  let textFrom = 0;
  let at = 0;
  while (at < source.length) {
    const open = nextOpening(source, at);
    if (open < 0) break;
    if (source[open + 1] === '%') {
      fail('Tags like {% ... %} are not supported: use {{ field | filter }} only.', open);
      at = open + 2;
      continue;
    }
    try {
      const tag = parseTag(source, open + 2);
      if (fieldSet && !fieldSet.paths.has(tag.path)) {
        fail(`Unknown merge field "${tag.path}".`, tag.pathOffset);
      }
      if (open > textFrom) parts.push({ kind: 'text', text: source.slice(textFrom, open) });
      parts.push({
        kind: 'field',
        path: tag.path,
        filters: tag.filters,
        raw: source.slice(open, tag.end),
        ...positions.at(open),
      });
      if (!fields.includes(tag.path)) fields.push(tag.path);
      textFrom = tag.end;
      at = tag.end;
    } catch (error) {
      if (!(error instanceof TagError)) throw error;
      fail(error.message, error.offset);
      // an unclosed tag swallows the rest of the source: nothing after it can be read
      const close = source.indexOf('}}', open + 2);
      if (close < 0) break;
      at = close + 2;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (textFrom < source.length) parts.push({ kind: 'text', text: source.slice(textFrom) });
  return { ok: true, parts, fields };
}

/** The next `{{` or `{%` at or after `from`; -1 when none. */
function nextOpening(source: string, from: number): number {
  for (let at = source.indexOf('{', from); at >= 0; at = source.indexOf('{', at + 1)) {
    const next = source[at + 1];
    if (next === '{' || next === '%') return at;
  }
  return -1;
}

/**
 * Swaps each merge tag for `mergetag<nonce>n<index>x` (letters and digits: inert in text, attributes and
 * URLs) so that MJML never escapes or rewrites one; `restore` puts the tags back (ignoring case: a text
 * part may upper-case headings). A source that does not parse is left as it is.
 */
export function protectMergeTags(source: string): {
  protectedSource: string;
  restore: (text: string) => string;
} {
  const parsed = parseMergeFields(source);
  if (!parsed.ok) return { protectedSource: source, restore: (text) => text };
  const nonce = Math.random()
    .toString(36)
    .slice(2, 10)
    .replace(/[^a-z0-9]/g, 'x');
  const tags: string[] = [];
  const protectedSource = parsed.parts
    .map((part) => {
      if (part.kind === 'text') return part.text;
      tags.push(part.raw);
      return `mergetag${nonce}n${tags.length - 1}x`;
    })
    .join('');
  const pattern = new RegExp(`mergetag${nonce}n(\\d+)x`, 'gi');
  return {
    protectedSource,
    restore: (text) => text.replace(pattern, (match, index: string) => tags[Number(index)] ?? match),
  };
}

// -------------------------------------------------------------------------------------------- rendering

export type MergeValue = string | number | boolean | undefined;
export interface MergeRecord {
  [name: string]: MergeValue | MergeRecord;
}
/** What a template is merged with, by path: `contact.firstName`, `company.custom.tier`, `unsubscribe_url`... */
export type MergeContext = MergeRecord;

function lookUp(context: MergeContext, path: string): MergeValue {
  let value: MergeValue | MergeRecord = context;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return typeof value === 'object' ? undefined : value;
}

function applyFilter(value: string | undefined, filter: MergeFilter): string | undefined {
  switch (filter.name) {
    case 'default':
      return value === undefined || value === '' ? filter.arg : value;
    case 'upcase':
      return value?.toUpperCase();
    case 'downcase':
      return value?.toLowerCase();
    case 'capitalize':
      return value === undefined ? undefined : value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
  }
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);

/** The value of one field part: looked up, `false` and missing values empty, filters applied in order. */
export function mergeFieldValue(part: FieldPart, context: MergeContext): string {
  const found = lookUp(context, part.path);
  let value: string | undefined = found === undefined || found === false ? undefined : String(found);
  for (const filter of part.filters) value = applyFilter(value, filter);
  return value ?? '';
}

/** Merges parts for one recipient: in `html` every value is escaped (& < > " '), in `text` none is. */
export function renderMergeFields(
  parts: readonly MergePart[],
  context: MergeContext,
  mode: 'html' | 'text',
): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') out += part.text;
    else {
      const value = mergeFieldValue(part, context);
      out += mode === 'html' ? escapeHtml(value) : value;
    }
  }
  return out;
}

/** A subject line: plain text, line breaks (CR, LF) replaced by one space so no header can be injected. */
export function renderSubject(parts: readonly MergePart[], context: MergeContext): string {
  return renderMergeFields(parts, context, 'text').replace(/[\r\n]+/g, ' ');
}

// ---------------------------------------------------------------------------------------------- context

type CustomValues = Record<string, string | number | boolean>;

/** The parts of stored records a context reads (contact, company and member items have these fields). */
export interface MergeSources {
  contact?: {
    firstName?: string;
    lastName?: string;
    email?: string;
    phone?: string;
    jobTitle?: string;
    customFields?: CustomValues;
  };
  company?: {
    name?: string;
    domain?: string;
    website?: string;
    industry?: string;
    city?: string;
    country?: string;
    customFields?: CustomValues;
  };
  /** The contact's owner: a member item (`name` is one field; first and last are split from it). */
  owner?: { name?: string; email?: string };
  /** The workspace's name: the sender name of its email settings (a workspace has no other name). */
  workspaceName?: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

/** The merge context of one recipient from its records; missing records give empty values (and defaults). */
export function mergeContextOf(sources: MergeSources): MergeContext {
  const { contact, company, owner } = sources;
  const ownerName = owner?.name?.trim() ?? '';
  const space = ownerName.indexOf(' ');
  return {
    contact: {
      firstName: contact?.firstName,
      lastName: contact?.lastName,
      email: contact?.email,
      phone: contact?.phone,
      jobTitle: contact?.jobTitle,
      custom: { ...contact?.customFields },
    },
    company: {
      name: company?.name,
      domain: company?.domain,
      website: company?.website,
      industry: company?.industry,
      city: company?.city,
      country: company?.country,
      custom: { ...company?.customFields },
    },
    owner: {
      firstName: space < 0 ? ownerName || undefined : ownerName.slice(0, space),
      lastName: space < 0 ? undefined : ownerName.slice(space + 1).trim(),
      name: ownerName || undefined,
      email: owner?.email,
    },
    workspace: { name: sources.workspaceName },
    unsubscribe_url: sources.unsubscribeUrl,
    preferences_url: sources.preferencesUrl,
  };
}
