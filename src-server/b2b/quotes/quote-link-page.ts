// The page the quote e-mail links to, `/q/<token>`: the quote's number, total and validity and a
// form to accept it with a PO number; posting it accepts through the same acceptQuote as the API
// (once: a second post shows the same order). In the company's language; the token is the
// credential, so the page is sent with no-referrer and never cached.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PUBLIC } from '../../access/route-rules';
import type { Database } from '../../db/schema';
import { ApiError } from '../../http/api-error';
import { emailLocale, escapeHtml, formatMoney } from '../../notifications/email/email-layout';
import type { OrderIntake } from '../../orders/intake-queue';
import type { VatSettings } from '../../tax/vat-settings';
import { acceptQuote } from './quote-accept';
import { quoteOfLink } from './quote-links';
import type { QuoteLinkSettings } from './quote-links';

const WORDS = {
  en: {
    title: (n: string) => `Quote ${n}`,
    forCompany: (c: string) => `For ${c}`,
    total: 'Total',
    validUntil: 'Valid until',
    po: 'Your PO number',
    accept: 'Accept the quote',
    accepted: (n: string, order: string) => `Quote ${n} is accepted: order ${order}. Thank you.`,
    notFound: 'This link is not valid (any more). Ask your sales contact for a new one.',
    refused: 'The quote could not be accepted:',
  },
  nl: {
    title: (n: string) => `Offerte ${n}`,
    forCompany: (c: string) => `Voor ${c}`,
    total: 'Totaal',
    validUntil: 'Geldig tot',
    po: 'Uw inkoopnummer',
    accept: 'Offerte accepteren',
    accepted: (n: string, order: string) =>
      `Offerte ${n} is geaccepteerd: order ${order}. Dank u wel.`,
    notFound: 'Deze link is niet (meer) geldig. Vraag uw contactpersoon om een nieuwe.',
    refused: 'De offerte kon niet worden geaccepteerd:',
  },
  de: {
    title: (n: string) => `Angebot ${n}`,
    forCompany: (c: string) => `Für ${c}`,
    total: 'Gesamtbetrag',
    validUntil: 'Gültig bis',
    po: 'Ihre Bestellnummer',
    accept: 'Angebot annehmen',
    accepted: (n: string, order: string) =>
      `Angebot ${n} ist angenommen: Auftrag ${order}. Vielen Dank.`,
    notFound:
      'Dieser Link ist nicht (mehr) gültig. Bitten Sie Ihren Ansprechpartner um einen neuen.',
    refused: 'Das Angebot konnte nicht angenommen werden:',
  },
  fr: {
    title: (n: string) => `Devis ${n}`,
    forCompany: (c: string) => `Pour ${c}`,
    total: 'Total',
    validUntil: "Valable jusqu'au",
    po: 'Votre numéro de bon de commande',
    accept: 'Accepter le devis',
    accepted: (n: string, order: string) => `Le devis ${n} est accepté : commande ${order}. Merci.`,
    notFound:
      "Ce lien n'est pas (ou plus) valable. Demandez-en un nouveau à votre contact commercial.",
    refused: "Le devis n'a pas pu être accepté :",
  },
} as const;

const html = (lang: string, title: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', "default-src 'none'; form-action 'self'")
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8');
}

export function quoteLinkPages(
  db: Kysely<Database>,
  intake: OrderIntake,
  vat: VatSettings,
  links: QuoteLinkSettings,
) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const params = z.object({ token: z.string().max(100) });
    const form = z.object({ poNumber: z.string().trim().max(64).optional() });

    async function open(token: string, reply: FastifyReply) {
      try {
        return await quoteOfLink(db, links.secret, token);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const w = WORDS.en;
        reply
          .status(error.statusCode)
          .send(html('en', w.title(''), `<p>${escapeHtml(w.notFound)}</p>`));
        return null;
      }
    }

    app.get(
      '/q/:token',
      { config: { access: PUBLIC }, schema: { hide: true } },
      async (request, reply) => {
        secure(reply);
        const p = params.safeParse(request.params);
        const quote = await open(p.success ? p.data.token : '', reply);
        if (!quote) return reply;
        const l = emailLocale(quote.locale);
        const w = WORDS[l];
        if (quote.status === 'accepted' && quote.order_id)
          return reply.send(
            html(
              l,
              w.title(quote.number),
              `<p>${escapeHtml(w.accepted(quote.number, quote.order_id))}</p>`,
            ),
          );
        const body = [
          `<p>${escapeHtml(w.forCompany(quote.legal_name))}</p>`,
          `<p>${escapeHtml(w.total)}: ${escapeHtml(formatMoney(quote.total_minor, quote.currency, l))}</p>`,
          `<p>${escapeHtml(w.validUntil)}: ${escapeHtml(quote.valid_until)}</p>`,
          `<form method="post" action="/q/${escapeHtml(p.success ? p.data.token : '')}">`,
          `<label>${escapeHtml(w.po)} <input name="poNumber" maxlength="64"${quote.po_required ? ' required' : ''}></label>`,
          `<button type="submit">${escapeHtml(w.accept)}</button></form>`,
        ].join('');
        return reply.send(html(l, w.title(quote.number), body));
      },
    );

    app.post(
      '/q/:token',
      { config: { access: PUBLIC }, schema: { hide: true } },
      async (request, reply) => {
        secure(reply);
        const p = params.safeParse(request.params);
        const quote = await open(p.success ? p.data.token : '', reply);
        if (!quote) return reply;
        const l = emailLocale(quote.locale);
        const w = WORDS[l];
        const f = form.safeParse(request.body ?? {});
        const poNumber = f.success && f.data.poNumber ? f.data.poNumber : undefined;
        try {
          const accepted = await acceptQuote(
            db,
            intake,
            { quoteId: quote.id, poNumber, actor: 'buyer:link' },
            vat,
          );
          return reply.send(
            html(
              l,
              w.title(quote.number),
              `<p>${escapeHtml(w.accepted(quote.number, accepted.orderId))}</p>`,
            ),
          );
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          return reply
            .status(error.statusCode)
            .send(
              html(
                l,
                w.title(quote.number),
                `<p>${escapeHtml(w.refused)} ${escapeHtml(error.message)}</p>`,
              ),
            );
        }
      },
    );
  };
}
