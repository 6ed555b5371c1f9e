/** mjml-browser ships no types: the part of its API we use (the same as mjml's `mjml2html`, async in v5). */
declare module 'mjml-browser' {
  export interface MjmlValidationError {
    line: number;
    message: string;
    tagName: string;
    formattedMessage: string;
  }
  export interface MjmlOptions {
    validationLevel?: 'strict' | 'soft' | 'skip';
    keepComments?: boolean;
  }
  export default function mjml2html(
    mjml: string,
    options?: MjmlOptions,
  ): Promise<{ html: string; errors: MjmlValidationError[] }>;
}
