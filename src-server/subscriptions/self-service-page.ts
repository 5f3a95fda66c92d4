// The self-service page, rendered on the server as plain HTML forms: no script at all, so its CSP
// can forbid every script; every field has a label, results are announced (role=status/alert),
// and it reads the same in English, Dutch, German and French. Every customer text is escaped.
import { formatMoney } from '../notifications/email/email-layout';
import { escapeHtml } from '../notifications/email/email-layout';
import { formatDay, pageCopy, SELF_SERVICE_PAGE_WORDS } from './self-service-copy';
import type { PageLocale } from './self-service-copy';
import type { SubscriptionView } from './subscription-contracts';

export const SELF_SERVICE_CSS = `
:root { color: #1b1f24; background: #ffffff; font: 18px/1.5 system-ui, Arial, sans-serif; }
body { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
section { border-top: 1px solid #c9ced6; padding-top: .5rem; }
label { display: block; margin: .5rem 0 .25rem; font-weight: 600; }
input, select, textarea { font: inherit; padding: .4rem; border: 2px solid #4a5563; border-radius: 4px; max-width: 100%; }
button { font: inherit; margin-top: .5rem; padding: .5rem 1rem; border: 0; border-radius: 4px; background: #155fbf; color: #ffffff; cursor: pointer; }
button.danger { background: #b3261e; }
:focus-visible { outline: 3px solid #1b1f24; outline-offset: 2px; }
.notice { padding: .75rem; border-radius: 4px; background: #e6f1e8; border: 2px solid #1f6b33; }
.problem { padding: .75rem; border-radius: 4px; background: #fbe9e7; border: 2px solid #b3261e; }
.check { display: flex; gap: .5rem; align-items: center; font-weight: 600; }
.check input { width: 1.25rem; height: 1.25rem; }
nav { text-align: right; } nav a { color: #155fbf; }
small { color: #4a5563; }
`;

export interface PageInput {
  view: SubscriptionView;
  token: string;
  locale: PageLocale;
  /** Products the plan offers (for swaps), with their names. */
  planProducts: { sku: string; name: string }[];
  /** The earliest date the next delivery may move to (its cut-off not passed). */
  earliestDate: string;
  tomorrow: string;
  expiresOn: string;
  done?: string | undefined;
  problem?: string | undefined;
}

function layout(locale: PageLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/s/assets/self-service.css"></head>
<body><main>${body}</main></body></html>`;
}

const form = (token: string, locale: PageLocale, action: string, inner: string, danger = false) =>
  `<form method="post" action="/s/${token}/${action}?lang=${locale}">${inner.replace('<button>', danger ? '<button class="danger">' : '<button>')}</form>`;

export function renderMessagePage(locale: PageLocale, message: string): string {
  const copy = pageCopy(locale);
  return layout(
    locale,
    copy.title(''),
    `<h1>${escapeHtml(copy.title(''))}</h1><p role="alert" class="problem">${escapeHtml(message)}</p>`,
  );
}

export function renderSelfServicePage(input: PageInput): string {
  const { view, token, locale } = input;
  const copy = pageCopy(locale);
  const day = (d: string) => escapeHtml(formatDay(d, locale));
  const e = escapeHtml;
  const others = (Object.keys(SELF_SERVICE_PAGE_WORDS) as PageLocale[]).filter((l) => l !== locale);
  const ended = view.state === 'cancelled' || view.state === 'expired';
  const state =
    view.state === 'paused'
      ? view.pausedUntil
        ? copy.state.pausedUntil(formatDay(view.pausedUntil, locale))
        : copy.state.paused
      : copy.state[view.state];
  const parts: string[] = [
    `<nav aria-label="${e(copy.languages)}">${others
      .map(
        (l) =>
          `<a href="/s/${token}?lang=${l}" lang="${l}" hreflang="${l}">${e(pageCopy(l).languageName)}</a>`,
      )
      .join(' · ')}</nav>`,
    `<h1>${e(copy.title(view.reference))}</h1>`,
    `<p>${e(copy.hello(view.customer.name))}</p>`,
  ];
  const doneText = input.done ? copy.done[input.done] : undefined;
  if (doneText) parts.push(`<p role="status" class="notice">${e(doneText)}</p>`);
  if (input.problem)
    parts.push(
      `<div role="alert" class="problem"><strong>${e(copy.problem)}</strong><p>${e(input.problem)}</p></div>`,
    );
  parts.push(`<p>${e(state)}</p>`);
  const money = (minor: number | null) =>
    minor === null ? '' : ` — ${e(formatMoney(minor, view.currency, locale))} ${e(copy.each)}`;
  parts.push(
    `<section aria-labelledby="items"><h2 id="items">${e(copy.items)}</h2><ul>${view.lines
      .map((l) => `<li>${l.quantity} × ${e(l.name)}${money(l.unitPriceMinor)}</li>`)
      .join('')}</ul></section>`,
  );
  if (!ended) {
    const eligible = view.state === 'active' || view.pausedUntil !== null;
    if (eligible) {
      parts.push(
        `<section aria-labelledby="next"><h2 id="next">${e(copy.nextDelivery)}: ${day(view.nextRenewal.date)}</h2>` +
          `<p>${e(copy.changesUntil(formatDay(view.nextRenewal.lastChangeDate, locale)))}</p>` +
          (view.nextRenewal.waitingForStock
            ? `<p class="problem">${e(copy.waitingForStock)}</p>`
            : '') +
          form(token, locale, 'skip', `<button>${e(copy.skip.button)}</button>`) +
          `<h2 id="move">${e(copy.move.title)}</h2>` +
          form(
            token,
            locale,
            'date',
            `<label for="date">${e(copy.move.label)}</label><input id="date" name="date" type="date" required min="${input.earliestDate}" value="${input.earliestDate > view.nextRenewal.date ? input.earliestDate : view.nextRenewal.date}"><br><button>${e(copy.move.button)}</button>`,
          ) +
          `</section>`,
      );
    }
    parts.push(
      view.state === 'paused'
        ? `<section aria-labelledby="resume"><h2 id="resume">${e(copy.resume.title)}</h2>${form(token, locale, 'resume', `<button>${e(copy.resume.button)}</button>`)}</section>`
        : `<section aria-labelledby="pause"><h2 id="pause">${e(copy.pause.title)}</h2>${form(token, locale, 'pause', `<label for="until">${e(copy.pause.label)}</label><input id="until" name="until" type="date" min="${input.tomorrow}"><br><button>${e(copy.pause.button)}</button>`)}</section>`,
    );
    const nameOf = new Map(input.planProducts.map((p) => [p.sku, p.name]));
    const productForms = view.lines
      .map((l) => {
        const options = input.planProducts
          .filter((p) => p.sku !== l.sku)
          .map((p) => `<option value="${e(p.sku)}">${e(p.name)}</option>`)
          .join('');
        const name = nameOf.get(l.sku) ?? l.name;
        const quantity = form(
          token,
          locale,
          'quantity',
          `<input type="hidden" name="lineNo" value="${l.lineNo}"><label for="q${l.lineNo}">${e(copy.quantity.label(name))}</label><input id="q${l.lineNo}" name="quantity" type="number" inputmode="numeric" min="1" max="100" required value="${l.quantity}"><br><button>${e(copy.quantity.button)}</button>`,
        );
        const swap = options
          ? form(
              token,
              locale,
              'swap',
              `<input type="hidden" name="lineNo" value="${l.lineNo}"><label for="s${l.lineNo}">${e(copy.swap.label(name))}</label><select id="s${l.lineNo}" name="sku">${options}</select><br><button>${e(copy.swap.button)}</button>`,
            )
          : '';
        return quantity + swap;
      })
      .join('');
    parts.push(
      `<section aria-labelledby="products"><h2 id="products">${e(copy.productTitle)}</h2>${productForms}</section>`,
    );
    const a = copy.address;
    const field = (
      id: string,
      label: string,
      value: string | undefined,
      required = true,
      extra = '',
    ) =>
      `<label for="${id}">${e(label)}</label><input id="${id}" name="${id}" ${required ? 'required ' : ''}${extra}value="${e(value ?? '')}">`;
    parts.push(
      `<section aria-labelledby="address"><h2 id="address">${e(a.title)}</h2>${form(
        token,
        locale,
        'address',
        field('name', a.name, view.shipTo.name, true, 'autocomplete="name" ') +
          field('line1', a.line1, view.shipTo.line1, true, 'autocomplete="address-line1" ') +
          field('line2', a.line2, view.shipTo.line2, false, 'autocomplete="address-line2" ') +
          field(
            'postalCode',
            a.postalCode,
            view.shipTo.postalCode,
            true,
            'autocomplete="postal-code" ',
          ) +
          field('city', a.city, view.shipTo.city, true, 'autocomplete="address-level2" ') +
          field(
            'country',
            a.country,
            view.shipTo.country,
            true,
            'pattern="[A-Z]{2}" maxlength="2" ',
          ) +
          `<br><button>${e(a.button)}</button>`,
      )}</section>`,
    );
    parts.push(
      `<section aria-labelledby="cancel"><h2 id="cancel">${e(copy.cancel.title)}</h2>${form(
        token,
        locale,
        'cancel',
        `<label class="check"><input type="checkbox" name="confirm" value="yes" required> ${e(copy.cancel.confirm)}</label><label for="reason">${e(copy.cancel.reason)}</label><textarea id="reason" name="reason" rows="3" cols="40" maxlength="500"></textarea><br><button>${e(copy.cancel.button)}</button>`,
        true,
      )}</section>`,
    );
  }
  parts.push(`<p><small>${e(copy.linkExpires(formatDay(input.expiresOn, locale)))}</small></p>`);
  return layout(locale, copy.title(view.reference), parts.join('\n'));
}
