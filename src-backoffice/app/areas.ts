// Every area of the back office, in navigation order. A new area is a folder with an
// `<id>-area.tsx` exporting its Area, and one line here.
import { accountArea } from '../account/account-area';
import { auditArea } from '../audit/audit-area';
import { carriersArea } from '../carriers/carriers-area';
import { channelsArea } from '../channels/channels-area';
import { homeArea } from '../home/home-area';
import { invoicesArea } from '../invoices/invoices-area';
import { ordersArea } from '../orders/orders-area';
import { purchasingArea } from '../purchasing/purchasing-area';
import { quotesArea } from '../quotes/quotes-area';
import { reportsArea } from '../reports/reports-area';
import { stockArea } from '../stock/stock-area';
import { subscriptionsArea } from '../subscriptions/subscriptions-area';
import { usersArea } from '../users/users-area';
import { warehousesArea } from '../warehouses/warehouses-area';
import type { Area } from './area';

export const AREAS: readonly Area[] = [
  homeArea,
  ordersArea,
  subscriptionsArea,
  quotesArea,
  invoicesArea,
  stockArea,
  purchasingArea,
  reportsArea,
  channelsArea,
  warehousesArea,
  carriersArea,
  usersArea,
  auditArea,
  accountArea,
];
