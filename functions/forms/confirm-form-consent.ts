import { confirmConsent } from '../../shared/consents/confirm-consent';
import { clientAddressOf, withClientAddress } from '../../shared/forms/form-intake';
import { browserErrorResponse, confirmationResponse } from '../../shared/forms/form-responses';
import { formsRoutes } from '../../shared/forms/forms-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

/** Public: the link in a double opt-in email. Following it again changes nothing. */
export const confirmFormConsentRoute = implement(
  formsRoutes.ConfirmFormConsent,
  async ({ params, query, headers, sourceIp }) => {
    try {
      const result = await confirmConsent(deps, params.formId, query.token, {
        ip: clientAddressOf(withClientAddress(headers, sourceIp)),
        userAgent: headers['user-agent'],
      });
      return confirmationResponse(result);
    } catch (error) {
      const page = browserErrorResponse(error, headers);
      if (page) return page;
      throw error;
    }
  },
);
