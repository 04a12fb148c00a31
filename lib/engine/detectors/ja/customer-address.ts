/**
 * ja/customer-address — respectful distance in how the reply names people: the customer is 〜様 or
 * お客様 (not 〜さん, あなた, 君), their company 御社/貴社; one's own company is 弊社 (not 御社, not
 * 弊社様) and one's own staff take no honorific (担当の佐藤, not 佐藤さん).
 *
 * A 〜さん is flagged when it names the customer (the context's customer name, the opening address
 * line, or a company), or one's own staff (after 担当, 弊社 …); a third party's さん is left alone.
 * 御社 is flagged as one's own company when it is the subject of a humble predicate
 * (御社では返品を承っております), not when it is the customer's (御社に伺います).
 */
import { isQuoted, quotedSpans } from '../../../lang/ja/quotes';
import data from '../../../../dictionaries/ja/address.json';
import type { JaToken } from '../../../lang/ja/types';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { jaSentences, type JaSentenceEntry } from '../../document';

const PRONOUNS = new Set(data.pronouns);
const SUFFIXES = new Set(data.familiarSuffixes);
const WORDS = new Map(Object.entries(data.words));
const OWN_HONORIFIC = new Map(Object.entries(data.ownCompanyWithHonorific));
const CUSTOMER_COMPANY = new Set(data.customerCompany);
const IN_GROUP = new Set(data.inGroupMarkers);
const SUBJECT_PARTICLES = new Set(['は', 'が', 'では', 'で', 'として', 'より', 'から', 'も']);

/** The Japanese surname in the context's customer name (田中 from 「田中 太郎 様」), if any. */
export function customerSurname(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const first = name.replace(/(様|さま|さん|殿)\s*$/u, '').trim().split(/\s+/)[0];
  return first && /[\u3040-\u30ff\u4e00-\u9fff]/.test(first) ? first : undefined;
}

function nameBefore(tokens: readonly JaToken[], i: number): { from: number; text: string } | undefined {
  let from = i;
  while (from > 0 && i - from < 3) {
    const p = tokens[from - 1]!;
    if (p.pos !== '名詞' || p.posDetail1 === '代名詞' || p.posDetail1 === '非自立') break;
    if (tokens[from]!.start !== p.end) break;
    from--;
  }
  if (from === i) return undefined;
  return { from, text: tokens.slice(from, i).map((t) => t.surface).join('') };
}

function isCompany(name: string): boolean {
  return data.companyWords.some((w) => name.includes(w));
}

export default defineDetector({
  meta: {
    id: 'ja/customer-address',
    kind: 'honorific',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'Call the customer 〜様 / お客様 (not さん, あなた, 君); call your own company 弊社 and your own staff without honorifics.',
      ja: 'お客様は「〜様」「お客様」と呼び（さん・あなた・君は使わない）、自社は「弊社」、自社の社員は敬称なしで呼びます。',
    },
    messages: {
      pronoun: {
        en: '“{word}” addresses the customer too directly; write “{better}”.',
        ja: '「{word}」はお客様への呼びかけとして直接的すぎます。「{better}」と書きましょう。',
      },
      suffix: {
        en: '“{word}” is too familiar for a customer; write “{better}”.',
        ja: '「{word}」はお客様に対して親しすぎる敬称です。「{better}」としましょう。',
      },
      word: {
        en: '“{word}” is casual; write “{better}”.',
        ja: '「{word}」はくだけた言い方です。「{better}」としましょう。',
      },
      inGroup: {
        en: '“{word}” puts an honorific on your own colleague; toward a customer, write “{better}”.',
        ja: '「{word}」は自社の社員に敬称を付けています。お客様に対しては「{better}」と敬称なしで書きます。',
      },
      ownCompany: {
        en: '“{word}” is the customer’s company; your own company is “{better}”.',
        ja: '「{word}」はお客様の会社を指す言葉です。自社は「{better}」と言います。',
      },
      ownHonorific: {
        en: '“{word}” honours your own company; write “{better}”.',
        ja: '「{word}」は自社に敬称を付けています。「{better}」としましょう。',
      },
      replace: { en: 'Write “{better}”', ja: '「{better}」に直す' },
      reason: {
        en: 'Japanese business language keeps a respectful distance: the customer is raised (様, お客様) and one’s own side lowered (弊社, staff without さん). さん, あなた or 御社 for oneself read as overfamiliar or as not knowing the basics.',
        ja: '日本のビジネス敬語では、お客様を立て（様・お客様）、自社側はへりくだります（弊社・社員は敬称なし）。さん付けや「あなた」、自社を「御社」と呼ぶことは、なれなれしい、あるいは基本を知らない印象を与えます。',
      },
    },
  },
  detect({ doc, context }) {
    const findings: RawFinding[] = [];
    const surname = customerSurname(context.customerName);
    const firstSentence = jaSentences(doc)[0];
    for (const s of jaSentences(doc)) {
      const tokens = s.ja.tokens;
      const add = (from: number, to: number, message: string, better: string, editFrom = from, editTo = to, text = better) =>
        findings.push({
          start: s.start + tokens[from]!.start,
          end: s.start + tokens[to - 1]!.end,
          message,
          data: { word: s.text.slice(tokens[from]!.start, tokens[to - 1]!.end), better },
          fixes: [
            {
              label: 'replace',
              data: { better },
              edits: [{ start: s.start + tokens[editFrom]!.start, end: s.start + tokens[editTo - 1]!.end, text }],
            },
          ],
        });
      const quoted = quotedSpans(s.text);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        const next = tokens[i + 1];
        const pair = next && next.start === t.end ? t.surface + next.surface : undefined;
        // お客さん, 皆さん
        if (pair && WORDS.has(pair)) {
          add(i, i + 2, 'word', WORDS.get(pair)!);
          i++;
          continue;
        }
        if (WORDS.has(t.surface) && t.pos === '名詞' && !(next && next.posDetail1 === '接尾')) {
          add(i, i + 1, 'word', WORDS.get(t.surface)!);
          continue;
        }
        // 弊社様
        if (pair && OWN_HONORIFIC.has(pair)) {
          add(i, i + 2, 'ownHonorific', OWN_HONORIFIC.get(pair)!);
          i++;
          continue;
        }
        // あなた, 君 (not あなた様; not inside a quote: 「あなたへのおすすめ」 is a menu label)
        if (PRONOUNS.has(t.surface) && t.pos === '名詞' && (t.posDetail1 === '代名詞' || t.surface !== '君')) {
          if (next && (next.surface === '様' || next.surface === 'さま')) continue;
          if (isQuoted(quoted, t.start, t.end)) continue;
          add(i, i + 1, 'pronoun', surname ? `${surname}様` : 'お客様');
          continue;
        }
        // 田中さん / 株式会社ABCさん / 担当の佐藤さん
        if (t.pos === '名詞' && t.posDetail1 === '接尾' && SUFFIXES.has(t.surface)) {
          const name = nameBefore(tokens, i);
          if (!name) continue;
          const inGroup = tokens.slice(Math.max(0, name.from - 4), name.from).some((x) => IN_GROUP.has(x.surface));
          if (inGroup) {
            add(name.from, i + 1, 'inGroup', name.text, i, i + 1, '');
            continue;
          }
          const isCustomer =
            (surname !== undefined && name.text.includes(surname)) ||
            isCompany(name.text) ||
            (s === firstSentence && name.from === 0);
          if (isCustomer) add(name.from, i + 1, 'suffix', `${name.text}様`, i, i + 1, '様');
          continue;
        }
        // 御社では〜承っております: 御社 as the subject of a humble predicate is one's own company
        // (貴社からのお問い合わせ: with の the particle builds a noun phrase, and 貴社 is no subject)
        if (CUSTOMER_COMPANY.has(t.surface) && next && SUBJECT_PARTICLES.has(next.surface) && tokens[i + 2]?.surface !== 'の' && humblePredicate(s)) {
          add(i, i + 1, 'ownCompany', data.ownCompany);
        }
      }
    }
    return findings;
  },
});

function humblePredicate(s: JaSentenceEntry): boolean {
  const head = s.ja.ending.head;
  return s.ja.keigo.some((m) => (m.type === 'kenjogo' || m.type === 'teichogo') && m.form !== 'gozaru' && m.to > head);
}
