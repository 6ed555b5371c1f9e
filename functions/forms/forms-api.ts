import { customFieldsErrors } from '../../shared/custom-fields/custom-fields-errors';
import { formsErrors } from '../../shared/forms/forms-errors';
import { formsRoutes } from '../../shared/forms/forms-routes';
import { listsErrors } from '../../shared/lists/lists-errors';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { webhooksErrors } from '../../shared/webhooks/webhooks-errors';
import { confirmFormConsentRoute } from './confirm-form-consent';
import { createFormRoute } from './create-form';
import { deleteFormRoute } from './delete-form';
import { getFormRoute } from './get-form';
import { getFormEmbedRoute } from './get-form-embed';
import { listFormsRoute } from './list-forms';
import { preflightFormSubmissionRoute } from './preflight-form-submission';
import { submitFormRoute } from './submit-form';
import { updateFormRoute } from './update-form';

/** The forms API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  formsRoutes,
  {
    ListForms: listFormsRoute,
    CreateForm: createFormRoute,
    GetForm: getFormRoute,
    UpdateForm: updateFormRoute,
    DeleteForm: deleteFormRoute,
    GetFormEmbed: getFormEmbedRoute,
    SubmitForm: submitFormRoute,
    PreflightFormSubmission: preflightFormSubmissionRoute,
    ConfirmFormConsent: confirmFormConsentRoute,
  },
  {
    onWorkspace: registerWorkspacesIn(storeFromEnv()),
    errors: [formsErrors, customFieldsErrors, listsErrors, webhooksErrors],
  },
);
