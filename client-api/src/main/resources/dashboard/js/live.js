// Live facts from the API's event stream (GET /events, text/event-stream), read with fetch() so
// that the key travels in the Authorization header (EventSource cannot send one). After a lost
// connection the stream is opened again with Last-Event-ID, so no fact is missed; the last id is
// kept in this tab's sessionStorage, so a reload resumes too.

import { headers } from './api.js';

const LAST_ID = 'tradeLedger.lastEventId';
const RETRY_MS = [500, 1000, 2000, 5000];

/**
 * Opens the stream and keeps it open until close(): onEvent({id, type, data}) for each event,
 * onState('connecting' | 'live' | 'reconnecting' | 'closed').
 */
export function connect(onEvent, onState) {
  const controller = new AbortController();
  let attempt = 0;
  let closed = false;

  async function run() {
    while (!closed) {
      onState(attempt === 0 ? 'connecting' : 'reconnecting');
      try {
        const last = sessionStorage.getItem(LAST_ID);
        const response = await fetch('/events', {
          headers: headers(last ? { Accept: 'text/event-stream', 'Last-Event-ID': last } : { Accept: 'text/event-stream' }),
          signal: controller.signal,
          cache: 'no-store',
        });
        if (response.status === 422 && last) {
          // An id this ledger does not know (another network): start from the next block.
          sessionStorage.removeItem(LAST_ID);
          continue;
        }
        if (!response.ok || !response.body) {
          throw new Error(`HTTP ${response.status}`);
        }
        onState('live');
        attempt = 0;
        await read(response.body, (event) => {
          if (event.id) {
            sessionStorage.setItem(LAST_ID, event.id);
          }
          onEvent(event);
        });
      } catch (error) {
        if (closed) {
          break;
        }
      }
      if (!closed) {
        onState('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
        attempt++;
      }
    }
    onState('closed');
  }

  run();
  return {
    close() {
      closed = true;
      controller.abort();
    },
  };
}

/** Parses server-sent events (https://html.spec.whatwg.org/#event-stream-interpretation). */
async function read(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (event.data.length) {
          dispatch({ id: event.id, type: event.type || 'message', data: parse(event.data.join('\n')) });
        }
        event = { data: [] };
        continue;
      }
      if (line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') {
        event.data.push(text);
      } else if (field === 'id') {
        event.id = text;
      } else if (field === 'event') {
        event.type = text;
      }
    }
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
