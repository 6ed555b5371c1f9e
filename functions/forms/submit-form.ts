import { receiveFormSubmission, withClientAddress } from '../../shared/forms/form-intake';
import { formPostLimitsFromEnv } from '../../shared/forms/form-post-limits';
import { browserErrorResponse, submissionResponse } from '../../shared/forms/form-responses';
import { formsRoutes } from '../../shared/forms/forms-routes';
import { implement } from '../../shared/platform/http-handler';
import { intakeDepsFromEnv } from '../../shared/webhooks/receive-webhook';

const deps = { ...intakeDepsFromEnv(), formPostLimits: formPostLimitsFromEnv() };

/** Public: a page (urlencoded) or a script (JSON) posts a form; intake reads the raw body, then archives it. */
export const submitFormRoute = implement(
  formsRoutes.SubmitForm,
  async ({ params, headers, raw, sourceIp }) => {
    try {
      const result = await receiveFormSubmission(
        deps,
        params.formId,
        { headers: withClientAddress(headers, sourceIp), body: raw?.bytes ?? Buffer.alloc(0) },
        sourceIp,
      );
      return submissionResponse(result, headers);
    } catch (error) {
      const page = browserErrorResponse(error, headers);
      if (page) return page;
      throw error;
    }
  },
);
