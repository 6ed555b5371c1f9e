import { getLostReasons, putLostReasons } from '../../shared/deals/lost-reasons';
import { pipelineRoutes } from '../../shared/deals/pipeline-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getLostReasonsRoute = implement(pipelineRoutes.GetLostReasons, async ({ auth }) => {
  const reasons = await getLostReasons(deps.store, auth.workspaceId);
  return { body: reasons, headers: { etag: etagOf(reasons.version) } };
});

export const putLostReasonsRoute = implement(
  pipelineRoutes.PutLostReasons,
  async ({ auth, body, headers }) => {
    const ifMatch = headers['if-match'];
    const reasons = await putLostReasons(
      deps,
      auth.workspaceId,
      body.reasons,
      ifMatch === undefined ? undefined : versionFromIfMatch(ifMatch),
    );
    return {
      statusCode: reasons.version === 1 ? 201 : 200,
      body: reasons,
      headers: { etag: etagOf(reasons.version) },
    };
  },
);
