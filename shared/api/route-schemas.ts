import { z } from 'zod';
import type { HttpFunctionName } from '../../functions/manifest';
import { Company, CompanyInput, CompanyListQuery, CompanyPage, CompanyPatch } from '../companies/company';
import { Contact, ContactInput, ContactListQuery, ContactPage, ContactPatch } from '../contacts/contact';
import {
  FieldDefinition,
  FieldDefinitionInput,
  FieldDefinitionPatch,
  FieldDefinitionPath,
  FieldDefinitionQuery,
} from '../custom-fields/field-definition';
import { ContactActivitiesPage, ContactActivitiesQuery } from '../forms/contact-activities';
import {
  ConsentConfirmationQuery,
  Form,
  FormEmbed,
  FormIdPath,
  FormInput,
  FormList,
  FormPatch,
  FormSubmissionAccepted,
  FormSubmissionFields,
} from '../forms/form';
import {
  AddListMemberBody,
  ContactList,
  ContactListList,
  ContactListsResponse,
  ContactListWithCount,
  ListInput,
  ListMemberPath,
  ListMembership,
  ListMembersPage,
  ListMembersQuery,
  ListPatch,
  ListPath,
} from '../lists/list';
import { ContactOrdersPage, ContactOrdersQuery } from '../orders/order';
import {
  DeliveryListQuery,
  DeliveryPath,
  WebhookDelivery,
  WebhookDeliveryPage,
} from '../outbound-webhooks/webhook-delivery';
import {
  EmptyActionBody,
  SubscriptionPath,
  WebhookSubscription,
  WebhookSubscriptionInput,
  WebhookSubscriptionList,
  WebhookSubscriptionPatch,
  WebhookSubscriptionQuery,
} from '../outbound-webhooks/webhook-subscription';
import { IdPath } from '../records/record-fields';
import { GenericShopWebhook } from '../shops/generic-shop-webhook';
import {
  RotateSecretRequest,
  ShopConnection,
  ShopConnectionInput,
  ShopConnectionList,
  ShopConnectionPatch,
  ShopConnectionPath,
} from '../shops/shop-connection';
import { ShopifyWebhookBody, WooCommerceWebhookBody } from '../shops/shop-webhook-bodies';
import {
  InboxDelivery,
  InboxDeliveryPage,
  InboxDeliveryPath,
  InboxDeliveryQuery,
  ReplayDeliveryRequest,
} from '../webhooks/inbox-delivery';
import { WebhookAccepted } from '../webhooks/webhook-accepted';

export interface RouteSchemas {
  body?: z.core.$ZodType;
  query?: z.core.$ZodType;
  path?: z.core.$ZodType;
  response?: z.core.$ZodType;
  /** Success status: 200 unless said; 202 for webhooks, processed after the answer. */
  status?: 200 | 201 | 202 | 204;
  /** PATCH routes take the version the client saw in If-Match. */
  ifMatch?: true;
}

export const Health = z.object({ status: z.literal('ok'), time: z.string() });

/**
 * What each route accepts and returns. Handlers validate with these, the OpenAPI document is generated
 * from them, and the property tests derive their bad inputs from them: one source of truth.
 */
export const routeSchemas = {
  GetHealth: { response: Health },
  GetOpenApi: {},
  ListContacts: { query: ContactListQuery, response: ContactPage },
  CreateContact: { body: ContactInput, response: Contact, status: 201 },
  GetContact: { path: IdPath, response: Contact },
  UpdateContact: { path: IdPath, body: ContactPatch, response: Contact, ifMatch: true },
  DeleteContact: { path: IdPath, status: 204 },
  ListCompanies: { query: CompanyListQuery, response: CompanyPage },
  CreateCompany: { body: CompanyInput, response: Company, status: 201 },
  GetCompany: { path: IdPath, response: Company },
  UpdateCompany: { path: IdPath, body: CompanyPatch, response: Company, ifMatch: true },
  DeleteCompany: { path: IdPath, status: 204 },
  ListFieldDefinitions: {
    query: FieldDefinitionQuery,
    response: z.object({ items: z.array(FieldDefinition) }),
  },
  CreateFieldDefinition: { body: FieldDefinitionInput, response: FieldDefinition, status: 201 },
  UpdateFieldDefinition: {
    path: FieldDefinitionPath,
    body: FieldDefinitionPatch,
    response: FieldDefinition,
    ifMatch: true,
  },
  DeleteFieldDefinition: { path: FieldDefinitionPath, status: 204 },
  // --- webhooks: intake and shops ---
  /** The body is read raw by intake (archived, then verified); the schema documents it. */
  ReceiveShopifyWebhook: {
    path: ShopConnectionPath,
    body: ShopifyWebhookBody,
    response: WebhookAccepted,
    status: 202,
  },
  ReceiveWooCommerceWebhook: {
    path: ShopConnectionPath,
    body: WooCommerceWebhookBody,
    response: WebhookAccepted,
    status: 202,
  },
  ReceiveShopWebhook: {
    path: ShopConnectionPath,
    body: GenericShopWebhook,
    response: WebhookAccepted,
    status: 202,
  },
  ListWebhookDeliveries: { query: InboxDeliveryQuery, response: InboxDeliveryPage },
  ReplayWebhookDelivery: {
    path: InboxDeliveryPath,
    body: ReplayDeliveryRequest,
    response: InboxDelivery,
    status: 202,
  },
  ListShopConnections: { response: ShopConnectionList },
  CreateShopConnection: { body: ShopConnectionInput, response: ShopConnection, status: 201 },
  GetShopConnection: { path: ShopConnectionPath, response: ShopConnection },
  UpdateShopConnection: {
    path: ShopConnectionPath,
    body: ShopConnectionPatch,
    response: ShopConnection,
    ifMatch: true,
  },
  DeleteShopConnection: { path: ShopConnectionPath, status: 204 },
  RotateShopConnectionSecret: {
    path: ShopConnectionPath,
    body: RotateSecretRequest,
    response: ShopConnection,
    status: 201,
  },
  ListContactOrders: { path: IdPath, query: ContactOrdersQuery, response: ContactOrdersPage },
  // --- lists ---
  ListLists: { response: ContactListList },
  CreateList: { body: ListInput, response: ContactList, status: 201 },
  GetList: { path: ListPath, response: ContactListWithCount },
  UpdateList: { path: ListPath, body: ListPatch, response: ContactList, ifMatch: true },
  DeleteList: { path: ListPath, status: 204 },
  ListListMembers: { path: ListPath, query: ListMembersQuery, response: ListMembersPage },
  AddListMember: { path: ListMemberPath, body: AddListMemberBody, response: ListMembership, status: 201 },
  RemoveListMember: { path: ListMemberPath, status: 204 },
  ListContactLists: { path: IdPath, response: ContactListsResponse },
  // --- webhooks: forms ---
  ListForms: { response: FormList },
  CreateForm: { body: FormInput, response: Form, status: 201 },
  GetForm: { path: FormIdPath, response: Form },
  UpdateForm: { path: FormIdPath, body: FormPatch, response: Form, ifMatch: true },
  DeleteForm: { path: FormIdPath, status: 204 },
  GetFormEmbed: { path: FormIdPath, response: FormEmbed },
  /** JSON or urlencoded; a browser post is answered 303 (or a page), a script 202. */
  SubmitForm: {
    path: FormIdPath,
    body: FormSubmissionFields,
    response: FormSubmissionAccepted,
    status: 202,
  },
  /** The double opt-in link: answers a page (or 303 to the form's page), not JSON. */
  PreflightFormSubmission: { path: FormIdPath, status: 204 },
  ConfirmFormConsent: { path: FormIdPath, query: ConsentConfirmationQuery },
  ListContactActivities: { path: IdPath, query: ContactActivitiesQuery, response: ContactActivitiesPage },
  // --- outbound webhooks ---
  ListWebhookSubscriptions: { query: WebhookSubscriptionQuery, response: WebhookSubscriptionList },
  CreateWebhookSubscription: { body: WebhookSubscriptionInput, response: WebhookSubscription, status: 201 },
  GetWebhookSubscription: { path: SubscriptionPath, response: WebhookSubscription },
  UpdateWebhookSubscription: {
    path: SubscriptionPath,
    body: WebhookSubscriptionPatch,
    response: WebhookSubscription,
    ifMatch: true,
  },
  DeleteWebhookSubscription: { path: SubscriptionPath, status: 204 },
  RotateWebhookSubscriptionSecret: {
    path: SubscriptionPath,
    body: EmptyActionBody,
    response: WebhookSubscription,
    status: 201,
  },
  SendWebhookTestEvent: {
    path: SubscriptionPath,
    body: EmptyActionBody,
    response: WebhookDelivery,
    status: 201,
  },
  ListOutboundWebhookDeliveries: {
    path: SubscriptionPath,
    query: DeliveryListQuery,
    response: WebhookDeliveryPage,
  },
  RedeliverOutboundWebhookDelivery: {
    path: DeliveryPath,
    body: EmptyActionBody,
    response: WebhookDelivery,
    status: 201,
  },
} as const satisfies Record<HttpFunctionName, RouteSchemas>;
