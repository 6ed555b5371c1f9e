import { emailRoutes } from '../../shared/email/email-routes';
import { oneClickUnsubscribe } from '../../shared/email/preference-page';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

/** Public, RFC 8058: the mail client's unsubscribe button POSTs here; honoured at once, idempotent. */
export const oneClickUnsubscribeRoute = implement(emailRoutes.OneClickUnsubscribe, async ({ params }) => ({
  body: await oneClickUnsubscribe(deps, params.token),
}));
