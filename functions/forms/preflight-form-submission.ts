import { preflightForm } from '../../shared/forms/form-preflight';
import { formsRoutes } from '../../shared/forms/forms-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

/** Public: answers the browser's preflight for a form post from a script (JSON, Idempotency-Key). */
export const preflightFormSubmissionRoute = implement(
  formsRoutes.PreflightFormSubmission,
  async ({ params, headers }) => preflightForm(deps.store, params.formId, headers),
);
