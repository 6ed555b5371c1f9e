import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireSession } from '../auth/require-session';
import { PageLoader } from '../ui/page-loader';
import { AppLayout } from './app-layout';
import { lazyPage } from './lazy-page';

const SignInPage = lazyPage(() => import('../auth/sign-in-page'), 'SignInPage');
const AuthCallbackPage = lazyPage(() => import('../auth/auth-callback-page'), 'AuthCallbackPage');
const ContactsPage = lazyPage(() => import('../contacts/contacts-page'), 'ContactsPage');
const ContactNewPage = lazyPage(() => import('../contacts/contact-new-page'), 'ContactNewPage');
const ContactDetailPage = lazyPage(() => import('../contacts/contact-detail-page'), 'ContactDetailPage');
const ContactEditPage = lazyPage(() => import('../contacts/contact-edit-page'), 'ContactEditPage');
const CompaniesPage = lazyPage(() => import('../companies/companies-page'), 'CompaniesPage');
const CompanyNewPage = lazyPage(() => import('../companies/company-new-page'), 'CompanyNewPage');
const CompanyDetailPage = lazyPage(() => import('../companies/company-detail-page'), 'CompanyDetailPage');
const CompanyEditPage = lazyPage(() => import('../companies/company-edit-page'), 'CompanyEditPage');
const CustomFieldsPage = lazyPage(() => import('../custom-fields/custom-fields-page'), 'CustomFieldsPage');
const FormsPage = lazyPage(() => import('../forms/forms-page'), 'FormsPage');
const FormNewPage = lazyPage(() => import('../forms/form-new-page'), 'FormNewPage');
const FormDetailPage = lazyPage(() => import('../forms/form-detail-page'), 'FormDetailPage');
const FormEditPage = lazyPage(() => import('../forms/form-edit-page'), 'FormEditPage');
const ShopConnectionsPage = lazyPage(() => import('../shops/shop-connections-page'), 'ShopConnectionsPage');
const ShopConnectionNewPage = lazyPage(
  () => import('../shops/shop-connection-new-page'),
  'ShopConnectionNewPage',
);
const ShopConnectionDetailPage = lazyPage(
  () => import('../shops/shop-connection-detail-page'),
  'ShopConnectionDetailPage',
);
const WebhooksPage = lazyPage(() => import('../webhooks/webhooks-page'), 'WebhooksPage');
const WebhookNewPage = lazyPage(() => import('../webhooks/webhook-new-page'), 'WebhookNewPage');
const WebhookDetailPage = lazyPage(() => import('../webhooks/webhook-detail-page'), 'WebhookDetailPage');
const InboxPage = lazyPage(() => import('../webhooks/inbox-page'), 'InboxPage');
const ListsPage = lazyPage(() => import('../lists/lists-page'), 'ListsPage');
const ListDetailPage = lazyPage(() => import('../lists/list-detail-page'), 'ListDetailPage');
const TicketsPage = lazyPage(() => import('../tickets/tickets-page'), 'TicketsPage');
const TicketDetailPage = lazyPage(() => import('../tickets/ticket-detail-page'), 'TicketDetailPage');
const TicketSlaPage = lazyPage(() => import('../tickets/ticket-sla-page'), 'TicketSlaPage');
const TasksPage = lazyPage(() => import('../tasks/tasks-page'), 'TasksPage');
const EmailTemplatesPage = lazyPage(() => import('../email-templates/templates-page'), 'EmailTemplatesPage');
const EmailTemplateEditorPage = lazyPage(
  () => import('../email-templates/template-editor-page'),
  'EmailTemplateEditorPage',
);
const ForecastPage = lazyPage(() => import('../forecast/forecast-page'), 'ForecastPage');
const DealsBoardPage = lazyPage(() => import('../deals/deals-board-page'), 'DealsBoardPage');
const DealPage = lazyPage(() => import('../deals/deal-page'), 'DealPage');
const PipelinesSettingsPage = lazyPage(
  () => import('../deals/pipelines-settings-page'),
  'PipelinesSettingsPage',
);
const CampaignsPage = lazyPage(() => import('../campaigns/campaigns-page'), 'CampaignsPage');
const CampaignWizardPage = lazyPage(() => import('../campaigns/campaign-wizard-page'), 'CampaignWizardPage');
const CampaignPage = lazyPage(() => import('../campaigns/campaign-page'), 'CampaignPage');
const EmailSettingsPage = lazyPage(
  () => import('../email-settings/email-settings-page'),
  'EmailSettingsPage',
);
const SuppressionsPage = lazyPage(() => import('../email-settings/suppressions-page'), 'SuppressionsPage');
const TeamPage = lazyPage(() => import('../team/team-page'), 'TeamPage');
const EmailPreferencesPage = lazyPage(
  () => import('../email-preferences/email-preferences-page'),
  'EmailPreferencesPage',
);
const NotFoundPage = lazyPage(() => import('./not-found-page'), 'NotFoundPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/sign-in"
        element={
          <Suspense fallback={<PageLoader fullScreen />}>
            <SignInPage />
          </Suspense>
        }
      />
      {/* public: the preference page of a marketing email's link, no sign-in */}
      <Route
        path="/email/preferences/:token"
        element={
          <Suspense fallback={<PageLoader fullScreen />}>
            <EmailPreferencesPage />
          </Suspense>
        }
      />
      <Route
        path="/auth/callback"
        element={
          <Suspense fallback={<PageLoader fullScreen />}>
            <AuthCallbackPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Navigate replace to="/contacts" />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="contacts/new" element={<ContactNewPage />} />
        <Route path="contacts/:id" element={<ContactDetailPage />} />
        <Route path="contacts/:id/edit" element={<ContactEditPage />} />
        <Route path="companies" element={<CompaniesPage />} />
        <Route path="companies/new" element={<CompanyNewPage />} />
        <Route path="companies/:id" element={<CompanyDetailPage />} />
        <Route path="companies/:id/edit" element={<CompanyEditPage />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="deals" element={<DealsBoardPage />} />
        <Route path="deals/:dealId" element={<DealPage />} />
        <Route path="email/templates" element={<EmailTemplatesPage />} />
        <Route path="email/templates/:templateId" element={<EmailTemplateEditorPage />} />
        <Route path="lists" element={<ListsPage />} />
        <Route path="lists/:listId" element={<ListDetailPage />} />
        <Route path="forecast" element={<ForecastPage />} />
        <Route path="email/campaigns" element={<CampaignsPage />} />
        <Route path="email/campaigns/new" element={<CampaignWizardPage />} />
        <Route path="email/campaigns/:campaignId" element={<CampaignPage />} />
        <Route path="email/campaigns/:campaignId/edit" element={<CampaignWizardPage />} />
        <Route path="tickets" element={<TicketsPage />} />
        <Route path="tickets/:ticketId" element={<TicketDetailPage />} />
        <Route path="settings/ticket-sla" element={<TicketSlaPage />} />
        <Route path="settings/team" element={<TeamPage />} />
        <Route path="settings/pipelines" element={<PipelinesSettingsPage />} />
        <Route path="settings/email" element={<EmailSettingsPage />} />
        <Route path="settings/email/suppressions" element={<SuppressionsPage />} />
        <Route path="settings/fields" element={<CustomFieldsPage />} />
        <Route path="settings/forms" element={<FormsPage />} />
        <Route path="settings/forms/new" element={<FormNewPage />} />
        <Route path="settings/forms/:formId" element={<FormDetailPage />} />
        <Route path="settings/forms/:formId/edit" element={<FormEditPage />} />
        <Route path="settings/shops" element={<ShopConnectionsPage />} />
        <Route path="settings/shops/new" element={<ShopConnectionNewPage />} />
        <Route path="settings/shops/:connectionId" element={<ShopConnectionDetailPage />} />
        <Route path="settings/webhooks" element={<WebhooksPage />} />
        <Route path="settings/webhooks/new" element={<WebhookNewPage />} />
        <Route path="settings/webhooks/:subscriptionId" element={<WebhookDetailPage />} />
        <Route path="settings/incoming-webhooks" element={<InboxPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
