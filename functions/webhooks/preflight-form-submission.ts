import { routeSchemas } from '../../shared/api/route-schemas';
import { preflightForm } from '../../shared/forms/form-preflight';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

/** Public: answers the browser's preflight for a form post from a script (JSON, Idempotency-Key). */
export const handler = apiHandler(routeSchemas.PreflightFormSubmission, async ({ path, headers }) =>
  preflightForm(deps.store, path.formId, headers),
);
