import { CompanyDeleted } from '../../shared/companies/company-events';
import { clearDeletedCompany } from '../../shared/deals/deal-housekeeping';
import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';

/** company.deleted: the company's deals stay, without a company (idempotent). */
export const handler = eventHandler({
  contract: CompanyDeleted,
  name: 'ClearDeletedCompanyFromDeals',
  deps: depsFromEnv(),
  handle: async (detail, { deps, log }) => {
    const cleared = await clearDeletedCompany(deps, detail.workspaceId, detail.companyId);
    log.info('deleted company cleared from deals', { companyId: detail.companyId, cleared });
  },
});
