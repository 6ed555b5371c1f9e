import { protectMergeTags } from '../../../shared/email-templates/merge-fields';

export interface BrowserCompile {
  html: string;
  errors: { line?: number; message: string }[];
}

/**
 * Compiles MJML in the browser as CompileEmailTemplate does on the server (the same mjml-browser, merge
 * tags protected): the compiler (about 1 MB) is imported here only, when the editor first compiles.
 */
export async function compileInBrowser(mjml: string): Promise<BrowserCompile> {
  const { default: mjml2html } = await import('mjml-browser');
  const { protectedSource, restore } = protectMergeTags(mjml);
  try {
    const result = await mjml2html(protectedSource, { validationLevel: 'soft' });
    return {
      html: restore(result.html),
      errors: result.errors.map((error) => ({ line: error.line, message: restore(error.message) })),
    };
  } catch (error) {
    return { html: '', errors: [{ message: error instanceof Error ? error.message : String(error) }] };
  }
}
