import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { ordersKeys } from './orders-keys';

/** What orders keep of a person (ordersKeys.order with contactOrder, contactPurchases, checkout with contactCheckout). */
export const orderPersonalData = [
  {
    itemType: 'order',
    // accounting keeps the order: amounts, line items, dates and currency stay, whose order it was goes
    description: 'A shop order filed under the contact',
    attributes: ['email', 'contactId'],
    erasure: 'anonymise',
    location: { kind: 'index', index: 'byParent', partition: ordersKeys.contactOrdersPartition },
  },
  {
    itemType: 'purchaseStats',
    description: 'What the contact bought in all (count, totals, first and last order)',
    attributes: ['count', 'total', 'otherTotals', 'firstOrderAt', 'lastOrderAt', 'lastOrderId'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'PURCHASES' },
  },
  {
    itemType: 'checkout',
    description: 'A shop checkout (cart) of the person, open, completed or abandoned',
    attributes: ['email', 'contactId', 'recoveryUrl', 'lineItems', 'total'],
    erasure: 'delete',
    location: { kind: 'index', index: 'byParent', partition: ordersKeys.contactCheckoutsPartition },
  },
] as const satisfies readonly PersonalDataDeclaration[];
