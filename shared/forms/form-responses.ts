import type { ConfirmationResult } from '../consents/confirm-consent';
import { AppError, errorMessageOf } from '../platform/errors';
import type { ApiResult } from '../platform/http-handler';
import type { FormIntakeResult } from './form-intake';
import { formCorsHeaders } from './form-preflight';
import { htmlContentType, htmlPage, wantsHtml } from './html-page';

type Headers = Record<string, string | undefined>;

export const checkYourInbox =
  'We sent you an email to confirm this address less than 24 hours ago. Please check your inbox ' +
  '(and your spam folder) and follow the link in it; we do not send another one yet.';

function redirect(location: string): ApiResult {
  return {
    statusCode: 303,
    headers: { location, 'content-type': htmlContentType },
    text: htmlPage('Redirecting', [`Continue to ${location}`]),
  };
}

/**
 * The answer to a form post, the same for a person, a duplicate and a bot (honeypot): a browser is sent
 * to the form's success page (303) or shown a thank-you page; a script gets 202 and the submission id.
 */
export function submissionResponse(result: FormIntakeResult, headers: Headers): ApiResult {
  // lets a script on a page the form takes posts from read the answer (a plain HTML post needs none)
  const cors = formCorsHeaders(result.form, headers.origin);
  if (result.outcome === 'confirmation_pending') {
    // not the form's success page: the person must learn that no new email comes
    if (wantsHtml(headers))
      return {
        statusCode: 200,
        headers: { 'content-type': htmlContentType, ...cors },
        text: htmlPage('Check your inbox', [checkYourInbox]),
      };
    return { statusCode: 200, headers: cors, body: { status: result.outcome, message: checkYourInbox } };
  }
  if (wantsHtml(headers)) {
    if (result.form.successRedirectUrl) {
      const answer = redirect(result.form.successRedirectUrl);
      return { ...answer, headers: { ...answer.headers, ...cors } };
    }
    return {
      statusCode: 200,
      headers: { 'content-type': htmlContentType, ...cors },
      text: htmlPage('Thank you', ['We have received your details.']),
    };
  }
  return {
    statusCode: 202,
    headers: cors,
    body: { status: 'accepted', submissionId: result.submissionId },
  };
}

/** The answer to a followed confirmation link: the form's page for it (303), or a small page. */
export function confirmationResponse(result: ConfirmationResult): ApiResult {
  const target = result.form.consent?.confirmedRedirectUrl;
  if (target) return redirect(target);
  return {
    statusCode: 200,
    headers: { 'content-type': htmlContentType },
    text: htmlPage(result.alreadyConfirmed ? 'Already confirmed' : 'Thank you for confirming', [
      result.alreadyConfirmed
        ? 'Your consent was confirmed before; nothing more to do.'
        : 'Your consent is confirmed.',
    ]),
  };
}

/**
 * A refused post or link in a browser: the same status and message as the JSON error, as a page that
 * names the inputs to fix. Scripts still get the JSON error (undefined: let the error handler answer).
 */
export function browserErrorResponse(error: unknown, headers: Headers): ApiResult | undefined {
  if (!(error instanceof AppError) || error.statusCode >= 500 || !wantsHtml(headers)) return undefined;
  const fields = Object.entries(error.extra.fields ?? {}).map(([name, message]) => `${name}: ${message}`);
  return {
    statusCode: error.statusCode,
    headers: { ...error.extra.headers, 'content-type': htmlContentType },
    text: htmlPage(
      error.statusCode === 429 ? 'Please wait a moment' : 'Something is not right',
      [errorMessageOf(error.code), ...(fields.length ? ['Please go back and check:'] : [])],
      fields,
    ),
  };
}
