import { deleteCompanyTimeline } from '../../shared/activities/delete-company-timeline';
import { CompanyDeleted } from '../../shared/companies/company-events';
import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';

/** company.deleted: the company's own timeline entries and their revisions go (idempotent). */
export const handler = eventHandler({
  contract: CompanyDeleted,
  name: 'DeleteCompanyTimeline',
  deps: depsFromEnv(),
  handle: async (detail, { deps, log }) => {
    const { deleted } = await deleteCompanyTimeline(deps.store, detail.workspaceId, detail.companyId);
    log.info('company timeline deleted', { companyId: detail.companyId, deleted });
  },
});
