import { convert } from 'html-to-text';
import mjml2html from 'mjml-browser';
import type { CompileState } from './email-template';
import { escapeHtml, parseMergeFields, protectMergeTags } from './merge-fields';

/**
 * The MJML compiler of CompileEmailTemplate (decision 170): mjml-browser, the same build the editor runs,
 * so the stored HTML is what the author saw. It also runs in Node, is less than half the node package's
 * bundle, and has no `mj-include`, which on a server would read files named by a template.
 *
 * Merge tags are swapped for inert placeholders before MJML sees them (it would escape or rewrite them,
 * inside attributes too) and put back after; the text part is generated from the HTML the same way.
 */
export type CompileResult =
  | { ok: true; html: string; text: string }
  | { ok: false; errors: NonNullable<CompileState['errors']> };

/** The preheader as the hidden preview text mail clients show after the subject, merge tags kept. */
function previewTextHtml(preheader: string): string {
  const parsed = parseMergeFields(preheader);
  const text = parsed.ok
    ? parsed.parts.map((part) => (part.kind === 'text' ? escapeHtml(part.text) : part.raw)).join('')
    : escapeHtml(preheader);
  return (
    '<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;' +
    `opacity:0;overflow:hidden;mso-hide:all;">${text}</div>`
  );
}

/** The compiled HTML and text share one item (DynamoDB's limit is 400 KB): more than this is refused. */
const maxCompiledBytes = 320 * 1024;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

/** Compiles MJML (validation `soft`: every error is reported with its line) into HTML and a text part. */
export async function compileMjml(mjml: string, preheader?: string): Promise<CompileResult> {
  const { protectedSource, restore } = protectMergeTags(mjml);
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(protectedSource, { validationLevel: 'soft' });
  } catch (error) {
    return { ok: false, errors: [{ message: error instanceof Error ? error.message : String(error) }] };
  }
  if (result.errors.length > 0) {
    return {
      ok: false,
      // the first 50 are plenty to fix, and the template item stays small
      errors: result.errors
        .slice(0, 50)
        .map((error) => ({ message: restore(error.message), line: error.line })),
    };
  }
  // the text part from the placeholders' HTML: html-to-text upper-cases headings, the restore ignores case
  const text = restore(convert(result.html, { wordwrap: 100 }));
  const size = utf8Bytes(result.html) + utf8Bytes(text);
  if (size > maxCompiledBytes) {
    return {
      ok: false,
      errors: [
        {
          message: `The compiled email is ${Math.ceil(size / 1024)} KB with its text part: keep it under ${maxCompiledBytes / 1024} KB (Gmail clips messages over 102 KB).`,
        },
      ],
    };
  }
  let html = restore(result.html);
  if (preheader) html = html.replace(/<body[^>]*>/i, (body) => `${body}${previewTextHtml(preheader)}`);
  return { ok: true, html, text };
}
