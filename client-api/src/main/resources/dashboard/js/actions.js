// The action forms of a trade, each offered only to the organization that may take it and only to
// WRITER users (a READER sees none). Bodies are the contract's input records as the API takes them
// (client-api README): the API and the contract validate, and their problems are shown at the field.

import { get, notice, post, path } from './api.js';
import { h } from './dom.js';
import { form, invalid } from './forms.js';
import { booker, importerOfRecord, label, minorDigits, money } from './trade.js';

const INCOTERMS = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'];
const MODES = ['SEA', 'AIR', 'ROAD', 'RAIL'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CNY', 'SEK', 'JPY', 'CHF'];
const EVENT_CODES = {
  TRANSPORT: ['DEPARTED', 'ARRIVED'],
  EQUIPMENT: ['LOADED', 'DISCHARGED', 'GATED_IN', 'GATED_OUT', 'STUFFED', 'STRIPPED', 'PICKED_UP', 'DROPPED_OFF',
    'INSPECTED', 'CUSTOMS_SELECTED_FOR_SCAN', 'CUSTOMS_SELECTED_FOR_INSPECTION', 'CUSTOMS_RELEASED'],
  SHIPMENT: ['RECEIVED', 'CONFIRMED', 'ISSUED', 'SURRENDERED_FOR_DELIVERY'],
};
const DOCUMENT_TYPES = ['BILL_OF_LADING', 'COMMERCIAL_INVOICE', 'PACKING_LIST', 'CERTIFICATE_OF_ORIGIN',
  'INSURANCE_CERTIFICATE', 'CUSTOMS_DECLARATION', 'OTHER'];

let participantsCache;
/** The registered organizations (cached for the page's life). */
export async function participants() {
  // The registry answers each member as {profile: {mspId, legalName, country, roles}, audit}.
  participantsCache ||= get('/participants').then((answer) => (Array.isArray(answer) ? answer : []).map((p) => p.profile || p));
  return participantsCache;
}

async function withRole(role) {
  return (await participants()).filter((p) => (p.roles || []).includes(role)).map((p) => [p.mspId, `${p.legalName} (${p.mspId})`]);
}

/** Text in major units ("250.00") as minor units of the currency, checked like the contract would. */
export function minor(text, currency, field) {
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[2] || '').length > digits) {
    throw invalid(field, `${field} must be an amount in ${currency} with at most ${digits} decimals`);
  }
  return Number(match[1] + (match[2] || '').padEnd(digits, '0'));
}

/** Minor units as text in major units ("250.00"), without floating point. */
export function major(value) {
  const digits = minorDigits(value.currency);
  const text = String(value.amount).padStart(digits + 1, '0');
  return digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
}

function integer(text, field) {
  if (!/^\d+$/.test(text)) throw invalid(field, `${field} must be a whole number`);
  return Number(text);
}

function days(offset) {
  const date = new Date(Date.now() + offset * 86400000);
  return date.toISOString().slice(0, 10);
}

const options = (values) => values.map((v) => [v, v.replaceAll('_', ' ')]);
const done = (answer, what) => `${what}.` + (answer && answer.txId ? ` Transaction ${answer.txId}.` : '');

/** A percentage with at most two decimals ("12.5") in basis points (1250). */
function basisPoints(text, path) {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw invalid(path, `${path} must be a percentage with at most two decimals`);
  return Number(match[1]) * 100 + Number((match[2] || '').padEnd(2, '0'));
}

const TRIGGERS = ['ACCEPTANCE', 'DEPARTURE', 'ARRIVAL', 'CUSTOMS_RELEASE', 'DELIVERY'];
const STAGED_PLAN = [['deposit', '20', 'ACCEPTANCE', '30'], ['departure', '20', 'DEPARTURE', '10'],
  ['clearance', '20', 'CUSTOMS_RELEASE', '10'], ['balance', '40', 'DELIVERY', '10']]
  .map(([milestoneId, share, trigger, daysDue]) => ({ milestoneId, share, trigger, daysDue }));

/**
 * The proposal form of a buyer; onProposed(order, terms) after the API stored both. The order's
 * lines, its payment milestones and the terms' charges are lists the user lengthens; the total
 * value is what the terms price, as the contract computes it: the lines at their prices, less the
 * discount (basis points of that sum, rounded half up to the minor unit), plus the charges.
 */
export async function proposeForm(onProposed) {
  const sellers = await withRole('EXPORTER');
  return form({
    id: 'propose',
    title: 'Propose an order',
    description: 'Prices, the discount, charges and clauses are confidential terms: only their hash'
      + ' goes on the shared ledger.',
    fields: [
      { name: 'orderId', label: 'Order id', value: `PO-${Date.now().toString(36).toUpperCase()}`,
        codes: ['ORDER_CONFLICT'] },
      { name: 'sellerMsp', label: 'Seller', type: 'select', options: sellers },
      { name: 'currency', label: 'Currency', type: 'select', options: options(CURRENCIES),
        value: 'EUR' },
      { name: 'lines', type: 'rows', label: 'Order lines', item: 'Line', max: 100,
        paths: ['terms.linePrices'], codes: ['TERMS_LINES_MISPRICED', 'TERMS_TOTAL_MISMATCH'],
        hint: 'HS code: 6 to 10 digits (851712). Unit: UN/ECE Rec 20 (H87 piece, KGM kilogram,'
          + ' MTR metre).',
        columns: [
          { name: 'hsCode', label: 'HS code' },
          { name: 'description', label: 'Goods' },
          { name: 'quantity', label: 'Quantity', inputmode: 'numeric' },
          { name: 'unit', label: 'Unit', value: 'H87' },
          { name: 'unitPrice', label: 'Unit price', inputmode: 'decimal' },
        ] },
      { name: 'discount', label: 'Discount (% of the priced lines)', value: '0',
        inputmode: 'decimal', paths: ['terms.discountBasisPoints'] },
      { name: 'charges', type: 'rows', label: 'Charges the seller adds (freight, insurance)',
        item: 'Charge', min: 0, max: 20, paths: ['terms.charges'],
        columns: [
          { name: 'description', label: 'What for' },
          { name: 'amount', label: 'Amount', inputmode: 'decimal' },
        ] },
      { name: 'incoterm', label: 'Incoterms 2020 rule', type: 'select', options: options(INCOTERMS),
        value: 'CIF', codes: ['INCOTERM_MODE_NOT_ALLOWED'] },
      { name: 'incotermPlace', label: 'Incoterms place (UN/LOCODE)',
        codes: ['INCOTERM_PLACE_MISMATCH'] },
      { name: 'origin', label: 'Origin (UN/LOCODE)', hint: 'e.g. CNSZX' },
      { name: 'destination', label: 'Destination (UN/LOCODE)', hint: 'e.g. SEGOT' },
      { name: 'requestedDeliveryDate', label: 'Requested delivery date', type: 'date',
        value: days(180), codes: ['DATE_IN_PAST'] },
      { name: 'milestones', type: 'rows', label: 'Payment milestones', item: 'Milestone', max: 20,
        value: STAGED_PLAN,
        hint: 'Shares add up to 100%. Due the given days after the trigger; pro rata: in part as'
          + ' split shipments reach it.',
        columns: [
          { name: 'milestoneId', label: 'Milestone id' },
          { name: 'share', label: 'Share (%)', inputmode: 'decimal', paths: ['shareBasisPoints'] },
          { name: 'trigger', label: 'Trigger', type: 'select', options: options(TRIGGERS),
            value: 'DELIVERY' },
          { name: 'daysDue', label: 'Days due', inputmode: 'numeric', value: '10' },
          { name: 'proRata', label: 'Pro rata', type: 'select',
            options: [['', 'no'], ['true', 'yes']] },
        ] },
      { name: 'clauses', label: 'Clauses (one a line)', type: 'textarea', rows: 2,
        paths: ['terms.clauses'] },
    ],
    submitLabel: 'Propose',
    async submit(v) {
      const money = (amount) => ({ amount, currency: v.currency });
      const lines = v.lines.map((line, i) => ({
        hsCode: line.hsCode, description: line.description, unit: line.unit,
        quantity: integer(line.quantity, `lines[${i}].quantity`),
        unitPrice: minor(line.unitPrice, v.currency, `lines[${i}].unitPrice`),
      }));
      const charges = v.charges.map((charge, i) => ({
        description: charge.description,
        amount: money(minor(charge.amount, v.currency, `charges[${i}].amount`)),
      }));
      const discountBasisPoints = basisPoints(v.discount, 'discount');
      const priced = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
      const discount = Math.floor((priced * discountBasisPoints + 5000) / 10000);
      const charged = charges.reduce((sum, charge) => sum + charge.amount.amount, 0);
      const body = {
        orderId: v.orderId,
        sellerMsp: v.sellerMsp,
        lines: lines.map(({ hsCode, description, quantity, unit }) =>
          ({ hsCode, description, quantity, unit })),
        incoterm: v.incoterm,
        incotermPlace: v.incotermPlace,
        origin: v.origin,
        destination: v.destination,
        requestedDeliveryDate: v.requestedDeliveryDate,
        totalValue: money(priced - discount + charged),
        milestones: v.milestones.map((m, i) => ({
          milestoneId: m.milestoneId,
          shareBasisPoints: basisPoints(m.share, `milestones[${i}].share`),
          trigger: m.trigger,
          daysDue: integer(m.daysDue, `milestones[${i}].daysDue`),
          ...(m.proRata ? { proRata: true } : {}),
        })),
        terms: {
          linePrices: lines.map((line, i) => ({ line: i + 1, unitPrice: money(line.unitPrice) })),
          discountBasisPoints,
          ...(charges.length ? { charges } : {}),
          clauses: v.clauses ? v.clauses.split('\n').map((c) => c.trim()).filter(Boolean) : [],
        },
      };
      const answer = await post('/orders', body);
      onProposed(answer.order, answer.terms);
      return `Order ${v.orderId} proposed.`;
    },
  });
}

/**
 * The forms of one trade for the signed-in organization: [{action, node}] for the steps it may
 * take now. `me` is {organization, role}; `reload` refreshes the page after a change.
 */
export async function tradeForms(trade, me, reload) {
  if (me.role !== 'WRITER') return [];
  const { order, shipments, declarations, milestones } = trade;
  const id = order.orderId;
  const mine = me.organization;
  const out = [];
  const add = (action, node) => out.push({ action, node });
  const after = (text) => async (answer) => {
    const message = done(answer, text);
    notice(message);
    await reload({ done: message });
    return message;
  };
  const insurance = await insuranceForms(trade, mine, after);
  const active = !['REJECTED', 'CANCELLED', 'COMPLETED'].includes(order.status);
  if (!active) return insurance;

  if (order.status === 'PROPOSED' && order.sellerMsp === mine) {
    add('accept', form({
      id: 'accept', title: 'Accept the order',
      description: 'Paste the confidential terms the buyer handed you; they must hash to the order\'s terms hash.',
      fields: [{ name: 'terms', label: 'Terms (JSON from the buyer)', type: 'textarea', rows: 5, paths: ['terms', 'salt', 'linePrices'], codes: ['TERMS_HASH_MISMATCH', 'TERMS_NOT_PROVIDED', 'TERMS_LINES_MISPRICED', 'TERMS_TOTAL_MISMATCH'] }],
      submitLabel: 'Accept',
      submit: async (v) => {
        let terms;
        try {
          terms = JSON.parse(v.terms);
        } catch {
          throw invalid('terms', 'terms must be the JSON the buyer handed over');
        }
        return after('Accepted')(await post(path`/orders/${id}/accept`, terms));
      },
    }));
    add('reject', reasonForm('reject', 'Reject the order', path`/orders/${id}/reject`, after('Rejected')));
  }
  if (order.status === 'PROPOSED' && order.buyerMsp === mine) {
    add('cancel', reasonForm('cancel', 'Cancel the order', path`/orders/${id}/cancel`, after('Cancelled')));
  }
  if (order.status !== 'PROPOSED' && booker(order) === mine) {
    add('book', await bookForm(order, shipments, after('Booked')));
  }
  const carried = shipments.filter((s) => s.carrierMsp === mine);
  const booked = carried.filter((s) => s.status === 'BOOKED');
  if (booked.length) {
    add('confirm-shipment', form({
      id: 'confirm-shipment', title: 'Confirm a booking',
      fields: [{ name: 'shipmentId', label: 'Shipment', type: 'select', options: booked.map((s) => [s.shipmentId, s.shipmentId]) }],
      submitLabel: 'Confirm booking',
      submit: async (v) => after('Booking confirmed')(await post(path`/shipments/${v.shipmentId}/confirm`)),
    }));
  }
  const moving = carried.filter((s) => s.status !== 'BOOKED');
  if (moving.length) add('event', eventForm(order, moving, after('Event recorded')));
  const filable = shipments.filter((s) => s.status !== 'BOOKED'
    && !declarations.some((d) => d.shipmentId === s.shipmentId && d.status !== 'REJECTED'));
  if (importerOfRecord(order) === mine && filable.length) {
    add('declare', await declareForm(order, filable, after('Declaration filed')));
  }
  const open = declarations.filter((d) => d.customsMsp === mine && ['FILED', 'SELECTED_FOR_INSPECTION'].includes(d.status));
  if (open.length) add('decide', decideForm(order, open, after('Decided')));
  const payable = milestones.filter((m) => m.payerMsp === mine && m.status === 'PENDING');
  if (payable.length) {
    add('pay', form({
      id: 'pay', title: 'Record a payment',
      fields: [
        { name: 'milestoneId', label: 'Milestone', type: 'select', options: payable.map((m) => [m.milestoneId, `${m.milestoneId}${m.due ? ' (due)' : ''}`]) },
        { name: 'paymentReference', label: 'Payment reference', value: '' },
      ],
      submitLabel: 'Record payment',
      submit: async (v) => after('Payment recorded')(await post(path`/orders/${id}/milestones/${v.milestoneId}/payment`, { paymentReference: v.paymentReference })),
    }));
  }
  const paid = milestones.filter((m) => m.payeeMsp === mine && m.status === 'PAID');
  if (paid.length) {
    add('confirm-payment', form({
      id: 'confirm-payment', title: 'Confirm a payment received',
      fields: [{ name: 'milestoneId', label: 'Milestone', type: 'select', options: paid.map((m) => [m.milestoneId, `${m.milestoneId} (ref. ${m.paymentReference || ''})`]) }],
      submitLabel: 'Confirm receipt',
      submit: async (v) => after('Receipt confirmed')(await post(path`/orders/${id}/milestones/${v.milestoneId}/confirmation`)),
    }));
  }
  if (order.status === 'DELIVERED' && [order.buyerMsp, order.sellerMsp].includes(mine) && milestones.every((m) => m.status === 'CONFIRMED')) {
    add('complete', form({
      id: 'complete', title: 'Complete the order', fields: [], submitLabel: 'Complete',
      submit: async () => after('Completed')(await post(path`/orders/${id}/complete`)),
    }));
  }
  out.push(...insurance);
  add('anchor', anchorForm(order, shipments, after('Document anchored')));
  return out;
}

/**
 * Cargo insurance (insurance contract): an INSURER issues a policy on a shipment that has not
 * arrived, the insured or a beneficiary files a claim, the policy's insurer decides it. Claims are
 * filed and decided whatever the order's status, also once it completed.
 */
async function insuranceForms(trade, mine, after) {
  const { order, shipments, policies, claims } = trade;
  const out = [];
  const members = await participants();
  const insurer = members.some((p) => p.mspId === mine && (p.roles || []).includes('INSURER'));
  const insurable = shipments.filter((s) => !['ARRIVED', 'DELIVERED'].includes(s.status));
  const accepted = !['PROPOSED', 'REJECTED', 'CANCELLED', 'COMPLETED'].includes(order.status);
  if (insurer && accepted && insurable.length) {
    out.push({ action: 'issue-policy', node: issuePolicyForm(order, insurable, policies, after) });
  }
  const entitled = policies.filter((p) =>
    p.insuredMsp === mine || (p.beneficiaryMsps || []).includes(mine));
  if (entitled.length) out.push({ action: 'claim', node: claimForm(trade, entitled, after) });
  const open = claims.filter((c) =>
    c.insurerMsp === mine && ['FILED', 'APPROVED'].includes(c.status));
  if (open.length) out.push({ action: 'decide-claim', node: decideClaimForm(open, after) });
  return out;
}

const CLAUSES = [['ICC_A', 'ICC (A): all risks'], ['ICC_B', 'ICC (B): named perils'],
  ['ICC_C', 'ICC (C): major casualties only']];

function issuePolicyForm(order, shipments, policies, after) {
  const { buyerMsp, sellerMsp, incoterm } = order;
  const currency = order.totalValue.currency;
  // Under CIF and CIP the seller insures and the buyer must be able to claim (Incoterms A5).
  const sellerInsures = ['CIF', 'CIP'].includes(incoterm);
  const minimum = { amount: Math.ceil((order.totalValue.amount * 11) / 10), currency };
  const departed = shipments[0].status === 'IN_TRANSIT';
  const parties = [[sellerMsp, `${sellerMsp} (seller)`], [buyerMsp, `${buyerMsp} (buyer)`]];
  return form({
    id: 'issue-policy',
    title: 'Issue a policy',
    description: `Cargo cover on a shipment that has not arrived. Under ${incoterm} `
      + (sellerInsures
        ? 'the seller insures and the buyer may claim, for at least 110% of the value of the'
          + ` goods (${money(minimum)} for the whole order).`
        : 'cover is for the parties to agree.'),
    fields: [
      { name: 'policyId', label: 'Policy id', codes: ['POLICY_CONFLICT'],
        value: `POL-${order.orderId}${policies.length ? `-${policies.length + 1}` : ''}` },
      { name: 'shipmentId', label: 'Shipment', type: 'select', codes: ['POLICY_AFTER_ARRIVAL'],
        options: shipments.map((s) => [s.shipmentId, `${s.shipmentId} (${label(s.status)})`]) },
      { name: 'insuredMsp', label: 'Insured', type: 'select', options: parties,
        value: sellerInsures ? sellerMsp : buyerMsp },
      { name: 'beneficiaryMsps', label: 'Beneficiary, who may claim besides the insured',
        type: 'select', options: [['', 'none'], ...[...parties].reverse()],
        value: sellerInsures ? buyerMsp : '', codes: ['POLICY_BUYER_CANNOT_CLAIM'] },
      { name: 'coverAmount', label: `Cover (${currency})`, value: major(minimum),
        inputmode: 'decimal', codes: ['POLICY_COVER_INSUFFICIENT'] },
      { name: 'clauses', label: 'Institute Cargo Clauses', type: 'select', options: CLAUSES,
        value: 'ICC_A' },
      { name: 'attachesFromShipment', label: 'Cover attaches', type: 'select',
        options: [['', 'when the policy is issued'], ['true', 'from shipment (lost or not lost)']],
        value: departed ? 'true' : '', codes: ['POLICY_MUST_ATTACH_FROM_SHIPMENT'],
        hint: 'A policy issued after departure must attach from shipment.' },
      { name: 'certificate', label: 'Insurance certificate (file)', type: 'file',
        paths: ['certificateHash'],
        hint: 'Hashed in this browser; only its SHA-256 goes to the ledger.' },
    ],
    submitLabel: 'Issue policy',
    async submit(v) {
      if (!v.certificate) throw invalid('certificate', 'choose the insurance certificate');
      const body = {
        policyId: v.policyId,
        shipmentId: v.shipmentId,
        insuredMsp: v.insuredMsp,
        coverAmount: { amount: minor(v.coverAmount, currency, 'coverAmount'), currency },
        clauses: v.clauses,
        certificateHash: await sha256(v.certificate),
      };
      if (v.beneficiaryMsps) body.beneficiaryMsps = [v.beneficiaryMsps];
      if (v.attachesFromShipment) body.attachesFromShipment = true;
      let answer;
      try {
        answer = await post('/policies', body);
      } catch (error) {
        // The contract names the clause when the clause, not the amount, falls short.
        if (error.code === 'POLICY_COVER_INSUFFICIENT' && /ICC_/.test(error.detail)) {
          error.field = 'clauses';
        }
        throw error;
      }
      return after(`Policy ${v.policyId} issued`)(answer);
    },
  });
}

function claimForm(trade, policies, after) {
  const { order, claims, documents } = trade;
  const currencies = [...new Set(policies.map((p) => p.coverAmount.currency))];
  return form({
    id: 'claim',
    title: 'File a claim',
    description: 'As the insured or a beneficiary of a policy; the insurer decides.',
    fields: [
      { name: 'claimId', label: 'Claim id', value: `CL-${order.orderId}-${claims.length + 1}`,
        codes: ['CLAIM_CONFLICT'] },
      { name: 'policyId', label: 'Policy', type: 'select',
        codes: ['ACCESS_DENIED', 'POLICY_NOT_FOUND'],
        options: policies.map((p) => [p.policyId,
          `${p.policyId}: ${p.clauses.replace('_', ' ')}, cover ${money(p.coverAmount)}`]) },
      { name: 'amount', label: `Amount claimed (${currencies.join(' or ')})`,
        inputmode: 'decimal', codes: ['CLAIM_AMOUNT_EXCEEDS_COVER'] },
      { name: 'description', label: 'What happened', type: 'textarea', rows: 2 },
      { name: 'evidence', label: 'Evidence files', type: 'file', multiple: true,
        paths: ['evidenceHashes'],
        hint: 'Surveys, photos, reports: hashed in this browser; only their SHA-256 go to the'
          + ' ledger.' },
      documents.length ? {
        name: 'documents', label: 'Anchored documents as evidence', type: 'select',
        multiple: true,
        options: documents.map((d) => [d.sha256, `${d.documentId} (${label(d.documentType)})`]),
      } : null,
    ].filter(Boolean),
    submitLabel: 'File claim',
    async submit(v) {
      const currency = policies.find((p) => p.policyId === v.policyId).coverAmount.currency;
      const files = await Promise.all(v.evidence.map(sha256));
      const evidenceHashes = [...new Set([...files, ...(v.documents || [])])];
      if (!evidenceHashes.length) {
        throw invalid('evidence', 'give at least one piece of evidence: a file or an anchored'
          + ' document');
      }
      const answer = await post('/claims', {
        claimId: v.claimId,
        policyId: v.policyId,
        amount: { amount: minor(v.amount, currency, 'amount'), currency },
        description: v.description,
        evidenceHashes,
      });
      return after(`Claim ${v.claimId} filed`)(answer);
    },
  });
}

function decideClaimForm(open, after) {
  return form({
    id: 'decide-claim',
    title: 'Decide a claim',
    description: 'A filed claim is approved or rejected; an approved one is settled, for at most'
      + ' the amount claimed.',
    fields: [
      { name: 'claimId', label: 'Claim', type: 'select', codes: ['CLAIM_NOT_FOUND'],
        options: open.map((c) => [c.claimId,
          `${c.claimId} (${label(c.status)}): ${money(c.amount)} claimed by ${c.claimantMsp}`]) },
      { name: 'decision', label: 'Decision', type: 'select',
        options: options(['APPROVED', 'REJECTED', 'SETTLED']),
        value: open[0].status === 'APPROVED' ? 'SETTLED' : 'APPROVED',
        codes: ['CLAIM_INVALID_TRANSITION', 'CLAIM_AMOUNT_EXCEEDS_COVER'] },
      { name: 'settledAmount', label: 'Amount settled (when settled)', inputmode: 'decimal' },
      { name: 'reason', label: 'Reason (required when rejected)' },
    ],
    submitLabel: 'Decide claim',
    async submit(v) {
      const { currency } = open.find((c) => c.claimId === v.claimId).amount;
      const body = { decision: v.decision };
      if (v.settledAmount) {
        const amount = minor(v.settledAmount, currency, 'settledAmount');
        body.settledAmount = { amount, currency };
      }
      if (v.reason) body.reason = v.reason;
      const answer = await post(path`/claims/${v.claimId}/decision`, body);
      return after(`Claim ${v.claimId} ${label(v.decision).toLowerCase()}`)(answer);
    },
  });
}

function reasonForm(id, title, url, then) {
  return form({
    id, title, submitLabel: title.split(' ')[0],
    fields: [{ name: 'reason', label: 'Reason' }],
    submit: async (v) => then(await post(url, { reason: v.reason })),
  });
}

async function bookForm(order, shipments, then) {
  const carriers = await withRole('CARRIER');
  return form({
    id: 'book', title: shipments.length ? 'Book another shipment' : 'Book a shipment',
    description: 'The whole ordered quantity of every line, on one carrier.',
    fields: [
      { name: 'shipmentId', label: 'Shipment id', value: `SH-${order.orderId}${shipments.length ? '-' + (shipments.length + 1) : ''}`, codes: ['SHIPMENT_CONFLICT'] },
      { name: 'carrierMsp', label: 'Carrier', type: 'select', options: carriers },
      { name: 'mode', label: 'Mode', type: 'select', options: options(MODES), value: 'SEA', codes: ['INCOTERM_MODE_NOT_ALLOWED'] },
      { name: 'transportDocumentNumber', label: 'Transport document number' },
      { name: 'containers', label: 'Containers (ISO 6346, comma separated)', hint: 'e.g. CSQU3054383' },
      { name: 'portOfLoading', label: 'Port of loading (UN/LOCODE)', value: order.origin },
      { name: 'portOfDischarge', label: 'Port of discharge (UN/LOCODE)', value: order.destination },
      { name: 'plannedDeparture', label: 'Planned departure', type: 'date', value: days(30), codes: ['DATE_IN_PAST'] },
      { name: 'plannedArrival', label: 'Planned arrival', type: 'date', value: days(70) },
    ],
    submitLabel: 'Book',
    submit: async (v) => then(await post('/shipments', {
      shipmentId: v.shipmentId,
      orderId: order.orderId,
      carrierMsp: v.carrierMsp,
      mode: v.mode,
      transportDocumentNumber: v.transportDocumentNumber,
      containers: v.containers ? v.containers.split(',').map((c) => c.trim()).filter(Boolean) : [],
      portOfLoading: v.portOfLoading,
      portOfDischarge: v.portOfDischarge,
      plannedDeparture: v.plannedDeparture,
      plannedArrival: v.plannedArrival,
      lines: order.lines.map((line, index) => ({ line: index + 1, quantity: line.quantity })),
    })),
  });
}

function localNow() {
  const now = new Date(Date.now() - 60000);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function eventForm(order, shipments, then) {
  const codes = Object.entries(EVENT_CODES).flatMap(([type, list]) => list.map((code) => [`${type}:${code}`, `${type.toLowerCase()}: ${code.replaceAll('_', ' ').toLowerCase()}`]));
  return form({
    id: 'event', title: 'Report a shipment event',
    fields: [
      { name: 'shipmentId', label: 'Shipment', type: 'select', options: shipments.map((s) => [s.shipmentId, `${s.shipmentId} (${s.status})`]) },
      { name: 'event', label: 'Event', type: 'select', options: codes, paths: ['eventCode', 'eventType'], codes: ['EVENT_OUT_OF_SEQUENCE'] },
      { name: 'eventClassifier', label: 'Classifier', type: 'select', options: options(['ACTUAL', 'ESTIMATED', 'PLANNED']) },
      { name: 'location', label: 'Location (UN/LOCODE)', codes: ['EVENT_LOCATION_INVALID'] },
      { name: 'eventDateTime', label: 'When (your local time)', type: 'datetime-local', value: localNow(), codes: ['EVENT_IN_FUTURE'] },
      { name: 'equipmentReference', label: 'Container (equipment events)', value: (shipments[0].containers || [])[0] || '' },
      { name: 'emptyIndicatorCode', label: 'Empty or laden', type: 'select', options: [['', 'not stated'], ['LADEN', 'laden'], ['EMPTY', 'empty']] },
      { name: 'remarks', label: 'Remarks' },
    ],
    submitLabel: 'Report event',
    async submit(v) {
      const [eventType, eventCode] = v.event.split(':');
      const at = new Date(v.eventDateTime);
      if (Number.isNaN(at.getTime())) throw invalid('eventDateTime', 'eventDateTime must be a date and time');
      const body = {
        eventId: crypto.randomUUID(), eventType, eventCode, eventClassifier: v.eventClassifier,
        location: v.location, eventDateTime: at.toISOString(),
      };
      if (eventType === 'EQUIPMENT' && v.equipmentReference) body.equipmentReference = v.equipmentReference;
      if (v.emptyIndicatorCode) body.emptyIndicatorCode = v.emptyIndicatorCode;
      if (v.remarks) body.remarks = v.remarks;
      return then(await post(path`/shipments/${v.shipmentId}/events`, body));
    },
  });
}

async function declareForm(order, shipments, then) {
  const authorities = await withRole('CUSTOMS');
  const currency = order.totalValue.currency;
  return form({
    id: 'declare', title: 'File a customs declaration',
    fields: [
      { name: 'declarationId', label: 'Declaration id', value: `CD-${order.orderId}`, codes: ['DECLARATION_CONFLICT'] },
      { name: 'shipmentId', label: 'Shipment', type: 'select', options: shipments.map((s) => [s.shipmentId, s.shipmentId]) },
      { name: 'customsMsp', label: 'Customs authority', type: 'select', options: authorities, codes: ['CUSTOMS_NOT_COUNTRY_OF_IMPORT'] },
      { name: 'declaredValue', label: `Declared value (${currency})`,
        value: major(order.totalValue), inputmode: 'decimal' },
      { name: 'hsCodes', label: 'HS codes (comma separated)', value: order.lines.map((l) => l.hsCode).join(', '), codes: ['DECLARATION_HS_CODE_MISMATCH'] },
    ],
    submitLabel: 'File declaration',
    submit: async (v) => then(await post('/declarations', {
      declarationId: v.declarationId, shipmentId: v.shipmentId, customsMsp: v.customsMsp,
      declaredValue: { amount: minor(v.declaredValue, currency, 'declaredValue'), currency },
      hsCodes: v.hsCodes.split(',').map((c) => c.trim()).filter(Boolean),
    })),
  });
}

function decideForm(order, open, then) {
  const currency = order.totalValue.currency;
  return form({
    id: 'decide', title: 'Decide a declaration',
    fields: [
      { name: 'declarationId', label: 'Declaration', type: 'select', options: open.map((d) => [d.declarationId, `${d.declarationId} (${d.status})`]) },
      { name: 'decision', label: 'Decision', type: 'select', options: options(['RELEASED', 'SELECTED_FOR_INSPECTION', 'REJECTED']) },
      { name: 'assessedDuties', label: `Assessed duties (${currency}, when released)`, inputmode: 'decimal' },
      { name: 'reason', label: 'Reason (when rejected)' },
    ],
    submitLabel: 'Decide',
    async submit(v) {
      const body = { decision: v.decision };
      if (v.assessedDuties) body.assessedDuties = { amount: minor(v.assessedDuties, currency, 'assessedDuties'), currency };
      if (v.reason) body.reason = v.reason;
      return then(await post(path`/declarations/${v.declarationId}/decision`, body));
    },
  });
}

/** SHA-256 of a file, computed in the browser: the file never leaves the machine. */
export async function sha256(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function anchorForm(order, shipments, then) {
  return form({
    id: 'anchor', title: 'Anchor a document',
    description: 'The file is hashed in this browser; only its SHA-256 goes to the ledger.',
    fields: [
      { name: 'documentId', label: 'Document id', value: `DOC-${Date.now().toString(36).toUpperCase()}`, codes: ['DOCUMENT_CONFLICT'] },
      { name: 'documentType', label: 'Type', type: 'select', options: options(DOCUMENT_TYPES), codes: ['DOCUMENT_ISSUER_NOT_ENTITLED'] },
      { name: 'link', label: 'For', type: 'select', options: [[`order:${order.orderId}`, `order ${order.orderId}`], ...shipments.map((s) => [`shipment:${s.shipmentId}`, `shipment ${s.shipmentId}`])], paths: ['orderId', 'shipmentId'] },
      { name: 'file', label: 'File', type: 'file', paths: ['sha256'] },
    ],
    submitLabel: 'Anchor',
    async submit(v) {
      if (!v.file) throw invalid('file', 'choose the file to anchor');
      const [kind, target] = v.link.split(':');
      const body = { documentId: v.documentId, documentType: v.documentType, sha256: await sha256(v.file) };
      body[kind === 'order' ? 'orderId' : 'shipmentId'] = target;
      return then(await post('/documents', body));
    },
  });
}

/** A line saying why no form is offered to a READER. */
export function readerNote(me) {
  return me.role === 'WRITER' ? null : h('p', { class: 'hint', id: 'reader-note' }, 'You are signed in as a reader: you can see this trade but take no action on it.');
}
