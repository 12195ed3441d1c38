// One trade as the dashboard shows it, derived from what the API answers: the order (with its
// status as read), the trade's timeline (every version of every record of the order, in time
// order) and its payment milestones. Nothing here is a rule of its own: statuses are the
// contract's, and what waits for whom follows from them.

import { get, path } from './api.js';

/** Where a trade can stand, in order. */
export const STAGES = [
  ['PROPOSED', 'Proposed'],
  ['ACCEPTED', 'Accepted'],
  ['IN_TRANSIT', 'In transit'],
  ['ARRIVED', 'Arrived'],
  ['RELEASED', 'Released'],
  ['DELIVERED', 'Delivered'],
  ['PAID', 'Paid'],
  ['COMPLETED', 'Completed'],
];

const MOVED = ['IN_TRANSIT', 'ARRIVED', 'DELIVERED'];

/** Loads a trade: order, timeline and milestones (none before acceptance). */
export async function load(orderId) {
  const [order, timeline, milestones] = await Promise.all([
    get(path`/orders/${orderId}`),
    get(path`/orders/${orderId}/timeline`),
    get(path`/orders/${orderId}/milestones`).catch(() => []),
  ]);
  return derive(order, timeline || [], milestones || []);
}

/** The latest version of each record of the timeline, by type, in the order they were created. */
function latest(timeline) {
  const records = new Map();
  for (const entry of timeline) {
    records.set(`${entry.recordType}/${entry.parentId || ''}/${entry.recordId}`, entry);
  }
  const byType = {};
  for (const entry of records.values()) {
    (byType[entry.recordType] ||= []).push(entry.value);
  }
  return byType;
}

export function derive(order, timeline, milestoneViews) {
  const records = latest(timeline);
  const shipments = records.SHIPMENT || [];
  const declarations = records.DECLARATION || [];
  const milestones = milestoneViews.map((view) => ({ ...view.milestone, due: view.due, dueDate: view.dueDate }));
  const status = order.status;
  const reached = new Set(['PROPOSED']);
  const accepted = ['ACCEPTED', 'COMPLETED', ...MOVED].includes(status);
  if (accepted) reached.add('ACCEPTED');
  if (shipments.some((s) => MOVED.includes(s.status))) reached.add('IN_TRANSIT');
  if (shipments.some((s) => ['ARRIVED', 'DELIVERED'].includes(s.status))) reached.add('ARRIVED');
  if (declarations.some((d) => d.status === 'RELEASED')) reached.add('RELEASED');
  if (['DELIVERED', 'COMPLETED'].includes(status)) reached.add('DELIVERED');
  if (milestones.length && milestones.every((m) => m.status !== 'PENDING')) reached.add('PAID');
  if (status === 'COMPLETED') reached.add('COMPLETED');
  const ended = ['REJECTED', 'CANCELLED'].includes(status);
  return {
    order,
    timeline,
    shipments,
    events: records.SHIPMENT_EVENT || [],
    declarations,
    policies: records.POLICY || [],
    claims: records.CLAIM || [],
    documents: records.DOCUMENT || [],
    milestones,
    reached,
    ended,
    stage: ended ? status : STAGES.filter(([id]) => reached.has(id)).pop()[0],
  };
}

/**
 * Who books the main carriage, as the contract decides: the seller under the C- and D-rules of
 * Incoterms 2020, or when the order says so; otherwise the buyer.
 */
export function booker(order) {
  const seller = ['CPT', 'CIP', 'CFR', 'CIF', 'DAP', 'DPU', 'DDP'].includes(order.incoterm) || order.sellerContractsCarriage === true;
  return seller ? order.sellerMsp : order.buyerMsp;
}

/** Who clears the goods for import and files the declaration: the seller under DDP, else the buyer. */
export function importerOfRecord(order) {
  return order.incoterm === 'DDP' ? order.sellerMsp : order.buyerMsp;
}

/**
 * What waits, and for whom: [{msp, text, action}], `action` naming the form on the trade page that
 * does it.
 */
export function waiting(trade) {
  const { order, shipments, declarations, milestones } = trade;
  const steps = [];
  const add = (msp, text, action) => steps.push({ msp, text, action });
  // A claim may come after the trade completed (damage found on unpacking): the insurer decides it
  // whatever the order's status.
  for (const claim of trade.claims) {
    const { insurerMsp, claimId } = claim;
    if (claim.status === 'FILED') {
      add(insurerMsp, `Decide claim ${claimId} of ${claim.claimantMsp}`, 'decide-claim');
    }
    if (claim.status === 'APPROVED') add(insurerMsp, `Settle claim ${claimId}`, 'decide-claim');
  }
  if (trade.ended || order.status === 'COMPLETED') {
    return steps;
  }
  if (order.status === 'PROPOSED') {
    add(order.sellerMsp, 'Accept or reject the order', 'accept');
    return steps;
  }
  if (!shipments.length) {
    add(booker(order), 'Book a shipment', 'book');
  }
  for (const shipment of shipments) {
    const id = shipment.shipmentId;
    if (shipment.status === 'BOOKED') add(shipment.carrierMsp, `Confirm booking ${id}`, 'confirm-shipment');
    if (shipment.status === 'CONFIRMED') add(shipment.carrierMsp, `Report the departure of ${id}`, 'event');
    if (shipment.status === 'IN_TRANSIT') add(shipment.carrierMsp, `Report the arrival of ${id}`, 'event');
    if (shipment.status === 'ARRIVED') add(shipment.carrierMsp, `Report the delivery of ${id}`, 'event');
    if (shipment.status !== 'BOOKED' && !declarations.some((d) => d.shipmentId === id)) {
      add(importerOfRecord(order), `File the customs declaration of ${id}`, 'declare');
    }
  }
  for (const declaration of declarations) {
    if (['FILED', 'SELECTED_FOR_INSPECTION'].includes(declaration.status)) {
      add(declaration.customsMsp, `Decide declaration ${declaration.declarationId}`, 'decide');
    }
  }
  for (const milestone of milestones) {
    if (milestone.status === 'PENDING' && milestone.due) add(milestone.payerMsp, `Pay milestone ${milestone.milestoneId}`, 'pay');
    if (milestone.status === 'PAID') add(milestone.payeeMsp, `Confirm payment of ${milestone.milestoneId}`, 'confirm-payment');
  }
  if (order.status === 'DELIVERED' && milestones.every((m) => m.status === 'CONFIRMED')) {
    add(order.sellerMsp, 'Complete the order', 'complete');
  }
  return steps;
}

/** The person behind a write: the common name of the identity's subject ("x509::CN=User1,...::..."). */
export function person(actor) {
  if (!actor) return '';
  const subject = String(actor.identity || '').split('::')[1] || '';
  const cn = /CN=([^,/]+)/.exec(subject);
  return cn ? cn[1] : actor.identity || '';
}

/** Money in minor units as text in its currency. */
export function money(value) {
  if (!value) return '';
  const digits = minorDigits(value.currency);
  const amount = Number(value.amount) / 10 ** digits;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: value.currency }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${value.currency}`;
  }
}

/** The minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY). */
export function minorDigits(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

export function when(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : date.toLocaleString();
}

export function label(status) {
  return String(status || '').replaceAll('_', ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}
