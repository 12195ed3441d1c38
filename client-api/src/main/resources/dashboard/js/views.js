// The dashboard's pages: inbox, trades, one trade, shipments, documents. Each renders into the
// view element and may answer live events (onEvent) by rendering again.

import { get, path } from './api.js';
import { proposeForm, readerNote, sha256, tradeForms, participants } from './actions.js';
import { h, replace, table } from './dom.js';
import { STAGES, label, load, money, person, waiting, when } from './trade.js';

const ORDER_STATUSES = ['PROPOSED', 'ACCEPTED', 'IN_TRANSIT', 'ARRIVED', 'DELIVERED', 'COMPLETED', 'REJECTED', 'CANCELLED'];
const SEEN = 'tradeLedger.seenOrders';

/**
 * Orders this tab opened or learnt of from live events (the last 50), which its inbox looks at
 * besides those the ledger lists: an insurer or a customs authority is listed only once a policy
 * or a declaration names it, and a trade opened before that is followed from then on.
 */
export function remember(orderId) {
  const seen = new Set(JSON.parse(sessionStorage.getItem(SEEN) || '[]'));
  seen.add(orderId);
  sessionStorage.setItem(SEEN, JSON.stringify([...seen].slice(-50)));
}
// A form the user changed is "dirty": a live update does not replace it (see trade()).
for (const type of ['input', 'change']) {
  document.addEventListener(type, (event) => {
    const changed = event.target.closest && event.target.closest('form.action');
    if (changed) changed.dataset.dirty = 'true';
  });
}

const seenOrders = () => JSON.parse(sessionStorage.getItem(SEEN) || '[]');

function heading(text) {
  return h('h1', { id: 'page-title', tabindex: '-1' }, text);
}

function orderLink(orderId) {
  return h('a', { href: `#/trades/${encodeURIComponent(orderId)}` }, orderId);
}

function loading(view, text) {
  replace(view, h('p', { class: 'hint', role: 'status' }, text));
}

function failed(view, error) {
  replace(view, h('p', { class: 'problem', role: 'alert' }, `${error.code || 'ERROR'}: ${error.detail || error.message}`));
}

function openById() {
  const input = h('input', { id: 'open-order', name: 'orderId', autocomplete: 'off' });
  return h(
    'form',
    { class: 'inline', id: 'open-form', onsubmit: (e) => { e.preventDefault(); if (input.value.trim()) location.hash = `#/trades/${encodeURIComponent(input.value.trim())}`; } },
    h('label', { for: 'open-order' }, 'Open a trade by order id'),
    input,
    h('button', { type: 'submit' }, 'Open'),
  );
}

/**
 * Inbox: what waits for this organization now, each one action away. The trades are those the
 * ledger lists for the organization (GET /orders: buyer, seller, carrier, customs representative,
 * the customs authority a declaration names, the insurer of a policy) and those this tab opened or
 * learnt of from live events. A live fact about a trade updates the list, keeping the focus on the
 * item it was on.
 */
export async function inbox(view, me) {
  loading(view, 'Loading what waits for you…');
  const [listed, members] = await Promise.all([listedOrders(), participants()]);
  const roles = (members.find((p) => p.mspId === me.organization) || {}).roles || [];
  const assessor = roles.includes('CUSTOMS') || roles.includes('INSURER');
  const summary = h('p', { class: 'hint', id: 'inbox-summary' });
  const list = h('div', { id: 'inbox-list', 'aria-live': 'polite' });
  let shown = null;
  const refresh = async () => {
    const ids = [...new Set([...listed.map((o) => o.orderId), ...seenOrders()])];
    const trades = (await Promise.all(ids.map((id) => load(id).catch(() => null))))
      .filter(Boolean);
    const items = trades.flatMap((trade) => waiting(trade)
      .filter((step) => step.msp === me.organization)
      .map((step) => ({
        trade,
        step,
        // A reader is led to the trade, not to a form it may not use.
        href: `#/trades/${encodeURIComponent(trade.order.orderId)}`
          + (me.role === 'WRITER' ? `/${step.action}` : ''),
      })));
    summary.textContent = `What waits for ${me.organization} now, in ${trades.length} trades: the`
      + ' open ones the ledger lists for you and those this tab opened or saw in the live updates.';
    const signature = items.map(({ href, step, trade }) => `${href} ${step.text} ${trade.stage}`)
      .join('\n');
    if (signature === shown) return;
    shown = signature;
    const focused = list.contains(document.activeElement)
      ? document.activeElement.getAttribute('href') : null;
    replace(list, items.length
      ? h('ul', { class: 'inbox', id: 'inbox-items' }, items.map(({ trade, step, href }) => h(
        'li', {},
        h('a', { href }, step.text),
        h('span', { class: 'hint' }, ` — order ${trade.order.orderId}, ${label(trade.stage)}`
          + (me.role === 'WRITER' ? '' : '; a writer of your organization takes this step')),
      )))
      : h('p', { id: 'inbox-empty' }, 'Nothing waits for you.'));
    // A live update keeps the focus on the item it was on, if that is still there.
    const again = [...list.querySelectorAll('a')].find((a) => a.getAttribute('href') === focused);
    if (again) again.focus();
  };
  await refresh();
  replace(
    view,
    heading('Inbox'),
    summary,
    list,
    assessor ? assessorNote() : null,
    openById(),
  );
  let pending = null;
  return {
    onEvent(event) {
      const orderId = event.data && event.data.ids && event.data.ids.orderId;
      if (!orderId || pending) return;
      // Facts come in bursts (a block at a time): one refresh for the burst.
      pending = setTimeout(() => {
        pending = null;
        if (view.isConnected) refresh();
      }, 300);
    },
  };
}

function assessorNote() {
  return h('p', { class: 'hint', id: 'assessor-note' }, 'The ledger lists a trade for a customs'
    + ' authority once a declaration names it, and for an insurer once it covers a shipment of it:'
    + ' open any other trade by its order id.');
}

/** The active orders the ledger lists for this organization (ten pages of 100 at most). */
async function listedOrders() {
  const orders = [];
  let cursor = '';
  for (let pages = 0; pages < 10; pages++) {
    const query = new URLSearchParams({ pageSize: '100', ...(cursor ? { cursor } : {}) });
    const page = await get(`/orders?${query}`);
    orders.push(...page.records);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return orders.filter((o) => !['COMPLETED', 'REJECTED', 'CANCELLED'].includes(o.status));
}

/** Trades: status, counterparties, value and next step; filtered by status, a page at a time. */
export async function trades(view, me, params) {
  const status = params.get('status') || '';
  const cursor = params.get('cursor') || '';
  const query = new URLSearchParams({ pageSize: '10' });
  if (status) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  loading(view, 'Loading trades…');
  const [page, members] = await Promise.all([get(`/orders?${query}`), participants()]);
  const roles = (members.find((p) => p.mspId === me.organization) || {}).roles || [];
  const buyer = roles.includes('IMPORTER');
  const filter = h('select', { id: 'status-filter', name: 'status' },
    h('option', { value: '' }, 'all'), ORDER_STATUSES.map((s) => h('option', { value: s, selected: s === status }, label(s))));
  filter.addEventListener('change', () => { location.hash = filter.value ? `#/trades?status=${filter.value}` : '#/trades'; });
  const rows = page.records.map((order) => {
    const step = h('span', { class: 'hint' }, '…');
    load(order.orderId).then((trade) => {
      const steps = waiting(trade);
      step.textContent = steps.length ? steps.map((s) => `${s.text} (${s.msp})`).join('; ') : '—';
    }).catch(() => { step.textContent = ''; });
    return [orderLink(order.orderId), h('span', { class: `status s-${order.status}` }, label(order.status)), order.buyerMsp, order.sellerMsp, money(order.totalValue), step];
  });
  const proposing = h('div', { id: 'propose-area' });
  const children = [
    heading('Trades'),
    h('div', { class: 'toolbar' },
      h('label', { for: 'status-filter' }, 'Status'), filter,
      buyer && me.role === 'WRITER' ? h('button', { type: 'button', id: 'open-propose', onclick: async () => {
        replace(proposing, await proposeForm((order, terms) => showTerms(proposing, order, terms)));
        proposing.querySelector('input').focus();
      } }, 'Propose an order') : null),
    proposing,
    rows.length
      ? table('Your trades', ['Order', 'Status', 'Buyer', 'Seller', 'Value', 'Next step'], rows, { id: 'trades-table' })
      : h('p', { id: 'trades-empty' }, status ? `No trade is ${label(status).toLowerCase()} on this page.` : 'No trades yet.'),
    roles.includes('CUSTOMS') || roles.includes('INSURER') ? assessorNote() : null,
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      cursor ? h('a', { href: status ? `#/trades?status=${status}` : '#/trades' }, 'First page') : null,
      page.nextCursor ? h('a', { id: 'next-page', href: `#/trades?${new URLSearchParams({ ...(status ? { status } : {}), cursor: page.nextCursor })}` }, 'Next page') : null),
    openById(),
  ];
  replace(view, ...children);
}

function showTerms(area, order, terms) {
  replace(
    area,
    h('section', { class: 'card', id: 'proposed' },
      h('h2', {}, `Order ${order.orderId} proposed`),
      h('p', {}, 'Hand these confidential terms to the seller (off the ledger): the seller accepts with them.'),
      h('label', { for: 'proposed-terms' }, 'Terms'),
      h('textarea', { id: 'proposed-terms', readonly: true, rows: 5 }, JSON.stringify(terms)),
      h('p', {}, orderLink(order.orderId))),
  );
}

/** One trade: where it stands, what waits, the forms of this organization, and its timeline. */
export async function trade(view, me, orderId, focusAction) {
  // A trade this tab opened stays in its inbox, also before the ledger lists it for this user.
  remember(orderId);
  // A live fact re-renders the page, unless the user is filling in a form: then a button offers it.
  const editing = () => [...view.querySelectorAll('form.action')].some((f) => f.dataset.dirty || f.contains(document.activeElement));
  const offerRefresh = () => {
    if (document.getElementById('refresh-trade')) return;
    view.prepend(h('p', { class: 'card' }, 'This trade changed. ', h('button', { type: 'button', id: 'refresh-trade', onclick: () => render(true) }, 'Show the changes')));
  };
  // What this user's last action did: shown above the forms until the next one, and focused when
  // it is new, so that a keyboard or screen reader user learns it where the form they used was.
  let lastDone = null;
  const render = async (forced) => {
    const done = forced && forced.done;
    if (done) lastDone = done;
    const current = await load(orderId);
    const forms = await tradeForms(current, me, render);
    const terms = current.order.status === 'PROPOSED' && current.order.buyerMsp === me.organization
      ? await get(path`/orders/${orderId}/terms`).catch(() => null) : null;
    const steps = waiting(current);
    if (forced === 'live' && editing()) {
      offerRefresh();
      return current;
    }
    const focused = view.contains(document.activeElement) ? document.activeElement.id : null;
    replace(
      view,
      heading(`Trade ${orderId}`),
      h('p', { class: 'summary' },
        `${current.order.buyerMsp} buys from ${current.order.sellerMsp}: ${money(current.order.totalValue)}, ${current.order.incoterm} ${current.order.incotermPlace}, `,
        `${current.order.origin} → ${current.order.destination}, requested by ${current.order.requestedDeliveryDate}.`),
      stages(current),
      linesSection(current),
      h('section', { 'aria-labelledby': 'waiting-title' }, h('h2', { id: 'waiting-title' }, 'Waiting for'),
        steps.length ? h('ul', { id: 'waiting' }, steps.map((s) => h('li', {}, `${s.msp}: ${s.text}`))) : h('p', { id: 'waiting' }, 'Nothing.')),
      terms ? h('details', { class: 'card' }, h('summary', {}, 'Terms to hand to the seller'),
        h('label', { for: 'proposed-terms' }, 'Terms'), h('textarea', { id: 'proposed-terms', readonly: true, rows: 5 }, JSON.stringify(terms))) : null,
      lastDone ? h('p', { class: 'card result', id: 'action-result', role: 'status',
        tabindex: '-1' }, lastDone) : null,
      forms.length ? h('section', { 'aria-labelledby': 'actions-title', id: 'actions' }, h('h2', { id: 'actions-title' }, 'Your actions'),
        h('div', { class: 'forms' }, forms.map((f) => f.node))) : readerNote(me),
      shipmentsSection(current),
      insuranceSection(current),
      paymentsSection(current),
      documentsSection(current),
      timelineSection(current),
    );
    view.dataset.shipments = current.shipments.map((s) => s.shipmentId).join(' ');
    // Focus stays where it was across a live update; after an action it goes to what it did.
    const target = document.getElementById(done ? 'action-result' : focused);
    if ((done || focused) && target) target.focus({ preventScroll: !done });
    performance.mark('trade-rendered');
    return current;
  };
  loading(view, `Loading trade ${orderId}…`);
  await render();
  if (focusAction) {
    const target = document.getElementById(focusAction);
    if (target) {
      target.scrollIntoView();
      (target.querySelector('input, select, textarea, button') || target).focus();
    }
  }
  return {
    onEvent(event) {
      const ids = (event.data && event.data.ids) || {};
      const shipments = (view.dataset.shipments || '').split(' ');
      if (ids.orderId === orderId || shipments.includes(ids.shipmentId)) render('live');
    },
  };
}

function stages(current) {
  if (current.ended) {
    return h('p', { class: 'ended', id: 'stage', 'data-stage': current.stage }, `This trade was ${label(current.stage).toLowerCase()}.`);
  }
  return h('ol', { class: 'stages', id: 'stage', 'data-stage': current.stage, 'aria-label': 'Where the trade stands' },
    STAGES.map(([id, text]) => h('li', {
      class: current.reached.has(id) ? 'reached' : '',
      'aria-current': id === current.stage ? 'step' : null,
      'data-stage': id,
    }, text, current.reached.has(id) ? h('span', { class: 'visually-hidden' }, ' (reached)') : null)));
}

/** The order's lines, with how much of each the shipments booked so far carry. */
function linesSection(current) {
  const { lines } = current.order;
  const booked = (line) => current.shipments.reduce((sum, shipment) =>
    sum + ((shipment.lines || []).find((l) => l.line === line) || { quantity: 0 }).quantity, 0);
  return h('details', { class: 'lines', id: 'order-lines-details', open: lines.length <= 5 },
    h('summary', {}, `Order lines (${lines.length})`),
    table('What is ordered', ['Line', 'HS code', 'Goods', 'Quantity', 'Unit', 'Booked'],
      lines.map((l, index) => [String(index + 1), l.hsCode, l.description, String(l.quantity),
        l.unit, String(booked(index + 1))]),
      { id: 'order-lines' }));
}

function shipmentsSection(current) {
  return h('section', { 'aria-labelledby': 'shipments-title' }, h('h2', { id: 'shipments-title' }, 'Shipments'),
    current.shipments.length ? current.shipments.map((s) => {
      const events = current.events.filter((e) => e.shipmentId === s.shipmentId)
        .sort((a, b) => String(a.eventDateTime).localeCompare(String(b.eventDateTime)));
      return h('div', { class: 'card shipment' },
        h('h3', {}, `${s.shipmentId}: ${label(s.status)}`),
        h('p', { class: 'route' }, h('span', {}, s.portOfLoading), h('span', { class: 'line', 'aria-hidden': 'true' }), h('span', {}, s.portOfDischarge)),
        h('p', {}, `${s.mode} with ${s.carrierMsp}, ${s.transportDocumentNumber}; containers ${(s.containers || []).join(', ') || 'none'}.`),
        h('p', {}, `Planned departure ${s.plannedDeparture}, actual ${when(s.departedEventDateTime) || '—'}; planned arrival ${s.plannedArrival}, actual ${when(s.arrivedEventDateTime) || '—'}.`),
        events.length ? table(`Events of ${s.shipmentId}`, ['When', 'Event', 'Classifier', 'Where', 'Container', 'Retracts'],
          events.map((e) => [when(e.eventDateTime), `${e.eventType} ${e.eventCode}`, e.eventClassifier, e.location, e.equipmentReference || '', e.retractsEventId || '']),
          { class: 'events' }) : h('p', { class: 'hint' }, 'No events yet.'));
    }) : h('p', { class: 'hint' }, 'No shipment booked yet.'));
}

function insuranceSection(current) {
  const { policies, claims } = current;
  const hashes = (list) => h('span', { title: list.join(' ') },
    `${list.length} ${list.length === 1 ? 'hash' : 'hashes'}`);
  return h('section', { 'aria-labelledby': 'insurance-title' },
    h('h2', { id: 'insurance-title' }, 'Insurance'),
    policies.length
      ? table('Policies', ['Policy', 'Shipment', 'Insurer', 'Insured', 'May also claim', 'Cover',
        'Clauses', 'Attaches', 'Certificate'],
      policies.map((p) => [p.policyId, p.shipmentId, p.insurerMsp, p.insuredMsp,
        (p.beneficiaryMsps || []).join(', ') || '—', money(p.coverAmount),
        p.clauses.replace('_', ' '), p.attachesFromShipment ? 'from shipment' : 'when issued',
        h('code', {}, p.certificateHash)]),
      { id: 'policies' })
      : h('p', { class: 'hint', id: 'policies-none' }, 'No policy issued yet.'),
    claims.length
      ? table('Claims', ['Claim', 'Policy', 'Claimant', 'Amount', 'What happened', 'Evidence',
        'State', 'Settled', 'Reason', 'Decided'],
      claims.map((c) => [c.claimId, c.policyId, c.claimantMsp, money(c.amount), c.description,
        hashes(c.evidenceHashes), h('span', { class: `status s-${c.status}` }, label(c.status)),
        money(c.settledAmount), c.reason || '', when(c.decidedAt)]),
      { id: 'claims' })
      : null);
}

function paymentsSection(current) {
  const { milestones, order } = current;
  const paid = milestones.filter((m) => m.status !== 'PENDING').reduce((sum, m) => sum + Number(m.amount.amount), 0);
  return h('section', { 'aria-labelledby': 'payments-title' }, h('h2', { id: 'payments-title' }, 'Payments'),
    milestones.length ? [
      table('Payment milestones', ['Milestone', 'Share', 'Amount', 'Trigger', 'Due', 'State'],
        milestones.map((m) => {
          const terms = (order.milestones || []).find((t) => t.milestoneId === m.milestoneId) || {};
          return [m.milestoneId, terms.shareBasisPoints ? `${terms.shareBasisPoints / 100}%` : '', money(m.amount), `${label(m.trigger)} + ${m.daysDue} days`, m.dueDate || (m.due ? 'due' : 'not yet'), label(m.status)];
        }), { id: 'milestones' }),
      h('p', { id: 'paid-total' }, `Paid ${money({ amount: paid, currency: order.totalValue.currency })} of ${money(order.totalValue)}.`),
    ] : h('p', { class: 'hint' }, 'Milestones are set at acceptance.'));
}

function documentsSection(current) {
  return h('section', { 'aria-labelledby': 'documents-title' }, h('h2', { id: 'documents-title' }, 'Documents'),
    current.documents.length ? table('Anchored documents', ['Document', 'Type', 'Issuer', 'For', 'SHA-256'],
      current.documents.map((d) => [d.documentId, label(d.documentType), d.issuerMsp || '', d.orderId ? `order ${d.orderId}` : `shipment ${d.shipmentId}`, h('code', {}, d.sha256)]),
      { id: 'documents' }) : h('p', { class: 'hint' }, 'No documents anchored yet.'),
    verifier('trade-verify'));
}

function timelineSection(current) {
  const entries = [...current.timeline].reverse();
  return h('section', { 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, 'Timeline'),
    table('Every fact of this trade, newest first', ['When', 'Record', 'Change', 'Organization', 'Person', 'Transaction'],
      entries.map((e) => [when(e.timestamp), `${label(e.recordType)} ${e.recordId}`, `${label(e.change)}${e.value && e.value.status ? ': ' + label(e.value.status) : ''}`,
        (e.submitter || {}).mspId || '', person(e.submitter), h('code', { title: e.txId }, String(e.txId).slice(0, 12) + '…')]),
      { id: 'timeline' }));
}

/** Verifies a file dropped (or chosen) here: hashed in the browser, the hash asked of the ledger. */
export function verifier(id) {
  const result = h('div', { id: `${id}-result`, role: 'status', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', id: `${id}-file` });
  const zone = h('div', { class: 'drop', id: `${id}-zone` },
    h('label', { for: `${id}-file` }, 'Verify a document: drop a file here or choose one. It is hashed in this browser and never sent.'),
    input);
  const check = async (file) => {
    if (!file) return;
    replace(result, `Hashing ${file.name}…`);
    const hash = await sha256(file);
    try {
      const answer = await get(path`/documents/verification/${hash}`);
      const standing = (answer.documents || []).filter((d) => !d.superseded);
      const verdict = !answer.anchored ? 'unknown' : standing.length ? 'match' : 'superseded';
      replace(result, h('p', { class: `verdict v-${verdict}`, 'data-verdict': verdict },
        verdict === 'unknown' ? `${file.name}: unknown — no document with SHA-256 ${hash} is anchored.`
          : `${file.name}: ${verdict} — ` + answer.documents.map((d) => `${d.documentId} (${label(d.documentType)}) by ${d.issuerMsp} on ${when(d.anchoredAt)}${d.superseded ? `, superseded by ${d.supersededBy}` : ''}`).join('; ')));
    } catch (error) {
      replace(result, h('p', { class: 'problem', role: 'alert' }, `${error.code}: ${error.detail}`));
    }
  };
  input.addEventListener('change', () => check(input.files[0]));
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); check(e.dataTransfer.files[0]); });
  return h('div', { class: 'verifier' }, zone, result);
}

/** Shipments of this organization with their route and status. */
export async function shipments(view, me, params) {
  const cursor = params.get('cursor') || '';
  loading(view, 'Loading shipments…');
  const page = await get(`/shipments?${new URLSearchParams({ pageSize: '20', ...(cursor ? { cursor } : {}) })}`);
  replace(view, heading('Shipments'),
    page.records.length ? table('Your shipments', ['Shipment', 'Order', 'Carrier', 'Route', 'Planned', 'Status'],
      page.records.map((s) => [s.shipmentId, orderLink(s.orderId), s.carrierMsp, `${s.portOfLoading} → ${s.portOfDischarge}`, `${s.plannedDeparture} → ${s.plannedArrival}`, label(s.status)]),
      { id: 'shipments-table' }) : h('p', {}, 'No shipments.'),
    page.nextCursor ? h('nav', { class: 'pager', 'aria-label': 'Pages' }, h('a', { href: `#/shipments?cursor=${encodeURIComponent(page.nextCursor)}` }, 'Next page')) : null);
}

/** Documents: verify any file against the ledger. */
export async function documents(view) {
  replace(view, heading('Documents'),
    h('p', {}, 'Anchored documents are listed on each trade\'s page. Here you can check any file against the ledger: match, superseded or unknown.'),
    verifier('verify'));
}

export { failed };
