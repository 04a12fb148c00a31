/**
 * en/missing-greeting — US customers expect a warm, personal opening: a greeting by name ("Hi Jane,")
 * or thanks for reaching out. A reply that starts straight with business, greets a stand-in ("Dear
 * Customer") when the name is known, or greets the wrong name, reads as a form letter.
 * The fix writes the opening with the customer's first name from the context when there is one. With
 * no name known, a bare "Hello," that thanks nobody is a mild tip (info).
 */
import replyData from '../../../../dictionaries/en/reply.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import { isEnglishReply, parseName, readOpening } from '../../reply/en';

const NICKNAMES = new Map(Object.entries(replyData.nicknames).filter(([k]) => !k.startsWith('$')) as [string, string[]][]);

/** "Larry" greets Lawrence, "Bob" Robert: a common short form of the given name. */
function isNickname(written: string, given: string | undefined): boolean {
  const forms = given ? NICKNAMES.get(given.toLowerCase()) : undefined;
  return !!forms && written.split(/[^a-z]+/).some((w) => forms.includes(w));
}

/** A one-line chat answer ("Done — refunded!") needs no letter-style opening. */
const MIN_WORDS = 8;

/**
 * The first sentence speaks to the customer by name ("Awesome, glad it's working, Jamie!", "Jamie, good
 * news —", "Sorry about that, Kim — …", "Absolutely, Mrs. Lindqvist — …"): a chat-style reply that is
 * personal from its first words.
 */
function addressesByName(text: string, names: readonly (string | undefined)[]): boolean {
  const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return names.some(
    (n) => n !== undefined && n.length > 1 && new RegExp(`(?:^|,\\s*)(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\\.?\\s+)?${escape(n)}(?:\\s*[,!.?:—–-]|$)`).test(text.trim()),
  );
}

export default defineDetector({
  meta: {
    id: 'en/missing-greeting',
    kind: 'warmth',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: false,
    description: {
      en: 'A US reply should open warmly: greet the customer by name or thank them for reaching out.',
      ja: '米国向けの返信は、お客様の名前での挨拶か、問い合わせへのお礼で温かく始めましょう。',
    },
    messages: {
      missing: {
        en: 'No greeting: open with the customer’s name or thanks for reaching out.',
        ja: '挨拶がありません。お客様の名前での挨拶か、問い合わせへのお礼で始めましょう。',
      },
      noName: {
        en: 'Greet {name} by name.',
        ja: '{name} 様のお名前を添えて挨拶しましょう。',
      },
      bare: {
        en: 'A bare “{word}” with no name and no thanks reads like a form letter: greet the customer by name, or thank them for reaching out.',
        ja: '名前も感謝もない「{word}」だけの挨拶は定型文のように見えます。お客様の名前を添えるか、問い合わせへのお礼を伝えましょう。',
      },
      standIn: {
        en: '“{standIn}” sounds like a form letter; greet {name} by name.',
        ja: '「{standIn}」は定型文のように聞こえます。{name} 様のお名前で挨拶しましょう。',
      },
      otherName: {
        en: 'The greeting says “{written}”, but the customer is {name}.',
        ja: '挨拶の名前が「{written}」になっていますが、お客様は {name} 様です。',
      },
      insert: { en: 'Add “{opening}”', ja: '「{opening}」を追加' },
      useName: { en: 'Use “{name}”', ja: '「{name}」にする' },
      reason: {
        en: 'US customers expect friendliness from the first line; a personal greeting or a thank-you shows a person, not a process, is helping them.',
        ja: '米国のお客様は最初の一行から親しみやすさを期待します。名前での挨拶やお礼は、事務的な処理ではなく人が対応していることを伝えます。',
      },
    },
  },
  detect({ doc, context }) {
    const sentences = enSentences(doc);
    const words = sentences.reduce((n, s) => n + s.en.wordCount, 0);
    if (sentences.length === 0 || !isEnglishReply(doc) || (sentences.length === 1 && words < MIN_WORDS)) return [];
    const opening = readOpening(doc);
    const given = parseName(context.customerName).given;
    const family = parseName(context.customerName).family;
    const greeting = opening.greeting;
    const firstThanks = sentences[0]!.en.cues.some((c) => c.cue === 'gratitude');
    const findings: RawFinding[] = [];

    if (!greeting) {
      if (opening.thanks || firstThanks || addressesByName(sentences[0]!.text, [given, family])) return [];
      const text = `Hi ${given ?? 'there'}, thanks for reaching out!`;
      const separator = doc.text.includes('\n') ? '\n\n' : ' ';
      findings.push({
        start: 0,
        end: 0,
        message: 'missing',
        fixes: [{ label: 'insert', data: { opening: text }, edits: [{ start: 0, end: 0, text: `${text}${separator}` }] }],
      });
      return findings;
    }
    if (!given) {
      // The name is unknown here, but "Hello," alone — no name, no thanks — still reads as a form letter: a tip.
      // (Only when nothing follows the word on its line: "Hi {{ticket.requester.first_name}}," names the
      // customer through the helpdesk's placeholder.)
      const { start, end } = greeting.word;
      const bare = (/^[^\n,!.:;]*/.exec(doc.text.slice(end, end + 80))?.[0] ?? '').trim() === '';
      if (bare && !greeting.name && !greeting.standIn && !opening.thanks) {
        findings.push({ start, end, message: 'bare', data: { word: doc.text.slice(start, end) }, mild: true });
      }
      return findings;
    }
    if (greeting.standIn) {
      const { start, end, text } = greeting.standIn;
      findings.push({
        start,
        end,
        message: 'standIn',
        data: { standIn: text, name: given },
        fixes: [{ label: 'useName', data: { name: given }, edits: [{ start, end, text: given }] }],
      });
    } else if (greeting.name) {
      const written = greeting.name.text.toLowerCase();
      const matches = [given, family].some((n) => n && written.includes(n.toLowerCase())) || isNickname(written, given);
      if (!matches) {
        const { start, end, text } = greeting.name;
        findings.push({
          start,
          end,
          message: 'otherName',
          data: { written: text, name: given },
          fixes: [{ label: 'useName', data: { name: given }, edits: [{ start, end, text: given }] }],
        });
      }
    } else if (!opening.thanks) {
      const at = greeting.word.end;
      findings.push({
        start: greeting.word.start,
        end: greeting.word.end,
        message: 'noName',
        data: { name: given },
        fixes: [{ label: 'useName', data: { name: given }, edits: [{ start: at, end: at, text: ` ${given}` }] }],
      });
    }
    return findings;
  },
});
