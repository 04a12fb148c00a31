/**
 * en/first-name-familiarity — English written for a Japanese customer keeps a respectful distance:
 * "Dear Mr. Tanaka," not "Hi Hiroshi," or "Hey there,", and a formal sign-off ("Best regards,") rather
 * than "Cheers" or none. With the customer's name from the context the fix writes the salutation with
 * the family name, offering Mr. and Ms. (the host rarely knows which); without it, "Dear Customer,".
 * Greetings and sign-offs: dictionaries/en/reply.json.
 */
import { defineDetector, type RawFinding, type RawFix } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import type { Edit } from '../../types';
import { isEnglishReply, parseName, type PersonName, readClosing, readOpening } from '../../reply/en';

const FORMAL_NAME = /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s|-(?:san|sama)$/i;
const FORMAL_CLOSE = 'Best regards,';
const GENERIC = 'Dear Customer';

/** Salutations for a name: the title the host gave, or Mr. and Ms. to choose from. */
function salutations(name: PersonName): string[] {
  if (!name.family) return [];
  if (name.title) return [`Dear ${name.title} ${name.family}`];
  return [`Dear Mr. ${name.family}`, `Dear Ms. ${name.family}`];
}

function fixes(options: string[], edit: (text: string) => Edit): RawFix[] {
  return options.map((formal) => ({ label: 'useFormal', data: { formal }, edits: [edit(formal)] }));
}

export default defineDetector({
  meta: {
    id: 'en/first-name-familiarity',
    kind: 'formality',
    languages: ['en'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'Address a Japanese customer as “Dear Mr./Ms. Surname”, not by first name or “Hi”, and close formally.',
      ja: '日本のお客様には名前（ファーストネーム）や「Hi」ではなく「Dear Mr./Ms. 姓」で呼びかけ、改まった結びで締めましょう。',
    },
    messages: {
      firstName: {
        en: '“{greeting}” is too familiar for a Japanese customer; write “{formal}”.',
        ja: '「{greeting}」は日本のお客様には馴れ馴れしすぎます。「{formal}」と書きましょう。',
      },
      firstNameUnknown: {
        en: '“{greeting}” is too familiar for a Japanese customer; address them by family name with Mr. or Ms.',
        ja: '「{greeting}」は日本のお客様には馴れ馴れしすぎます。Mr. または Ms. と姓で呼びかけましょう。',
      },
      casualGreeting: {
        en: '“{greeting}” is too casual a salutation; write “{formal}”.',
        ja: '「{greeting}」はくだけた呼びかけです。「{formal}」と書きましょう。',
      },
      missingGreeting: {
        en: 'No salutation: open with “{formal},”.',
        ja: '宛名がありません。「{formal},」で始めましょう。',
      },
      casualClose: {
        en: '“{closing}” is too casual a sign-off; write “{formal}”.',
        ja: '「{closing}」はくだけた結びです。「{formal}」と書きましょう。',
      },
      missingClose: {
        en: 'No formal sign-off: close with “{formal}”.',
        ja: '改まった結びがありません。「{formal}」で締めくくりましょう。',
      },
      useFormal: { en: 'Write “{formal}”', ja: '「{formal}」にする' },
      reason: {
        en: 'Japanese business writing keeps a respectful distance: first names and casual greetings feel presumptuous from a company, and a reply without a formal salutation and sign-off looks unfinished.',
        ja: '日本のビジネス文書は敬意ある距離感を保ちます。企業からのファーストネームやくだけた挨拶は馴れ馴れしく感じられ、改まった宛名と結びのない返信は未完成に見えます。',
      },
    },
  },
  detect({ doc, context }) {
    const sentences = enSentences(doc);
    if (sentences.length === 0 || !isEnglishReply(doc)) return [];
    const findings: RawFinding[] = [];
    const customer = parseName(context.customerName);
    const opening = readOpening(doc);
    const g = opening.greeting;

    if (!g) {
      if (sentences.length >= 2) {
        const options = salutations(customer);
        const choices = options.length > 0 ? options : [GENERIC];
        findings.push({
          start: 0,
          end: 0,
          message: 'missingGreeting',
          data: { formal: choices[0]! },
          fixes: fixes(choices, (formal) => ({ start: 0, end: 0, text: `${formal},\n\n` })),
        });
      }
    } else if (g.name && !FORMAL_NAME.test(g.name.text)) {
      // "Hi Hiroshi", "Dear John": a first name. The family name comes from the context, or from
      // the greeting itself when it gives two names ("Hi Hiroshi Tanaka").
      const fromGreeting = parseName(g.name.text);
      const name = customer.family ? customer : fromGreeting.family && fromGreeting.given ? fromGreeting : {};
      const options = salutations(name);
      const greeting = g.text;
      if (options.length > 0) {
        findings.push({
          start: g.start,
          end: g.end,
          message: 'firstName',
          data: { greeting, formal: options[0]! },
          fixes: fixes(options, (formal) => ({ start: g.start, end: g.end, text: formal })),
        });
      } else {
        findings.push({ start: g.start, end: g.end, message: 'firstNameUnknown', data: { greeting } });
      }
    } else if (g.name && g.casual) {
      // "Hi Mr. Tanaka": the name is right, the greeting word is not.
      findings.push({
        start: g.word.start,
        end: g.word.end,
        message: 'casualGreeting',
        data: { greeting: g.word.text, formal: 'Dear' },
        fixes: fixes(['Dear'], (formal) => ({ start: g.word.start, end: g.word.end, text: formal })),
      });
    } else if (!g.name && (g.casual || g.standIn)) {
      // "Hi,", "Hey there!", "Hello all": no name at all.
      const standIn = g.standIn?.text.toLowerCase();
      const formalStandIn = standIn !== undefined && /customer|sir|madam/.test(standIn) && g.word.text.toLowerCase() === 'dear';
      if (!formalStandIn) {
        const options = salutations(customer);
        const choices = options.length > 0 ? options : [GENERIC];
        findings.push({
          start: g.start,
          end: g.end,
          message: 'casualGreeting',
          data: { greeting: g.text, formal: choices[0]! },
          fixes: fixes(choices, (formal) => ({ start: g.start, end: g.end, text: formal })),
        });
      }
    }

    const closing = readClosing(doc);
    if (closing && !closing.formal) {
      const formal = closing.formalReplacement ?? 'Best regards';
      const { start, end, text } = closing.phrase;
      findings.push({
        start,
        end,
        message: 'casualClose',
        data: { closing: text, formal },
        fixes: fixes([formal], (f) => ({ start, end, text: f })),
      });
    } else if (!closing && sentences.length >= 2) {
      // Before a bare signature ("…\n\nSam Lee"), or at the very end.
      const last = sentences[sentences.length - 1]!;
      const agent = context.agentName?.trim().toLowerCase();
      const signed = agent !== undefined && last.text.trim().toLowerCase() === agent;
      const edit: Edit = signed
        ? { start: last.start, end: last.start, text: `${FORMAL_CLOSE}\n` }
        : { start: doc.text.trimEnd().length, end: doc.text.trimEnd().length, text: `\n\n${FORMAL_CLOSE}${context.agentName?.trim() ? `\n${context.agentName.trim()}` : ''}` };
      findings.push({
        start: edit.start,
        end: edit.start,
        message: 'missingClose',
        data: { formal: FORMAL_CLOSE },
        fixes: [{ label: 'useFormal', data: { formal: FORMAL_CLOSE }, edits: [edit] }],
      });
    }
    return findings;
  },
});
