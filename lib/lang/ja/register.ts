/**
 * Register of one Japanese sentence: plain (常体), polite (です/ます), である, 尊敬語 and 謙譲語, and a
 * formality score in [0, 1]. The message's formality is the mean over its sentences
 * (lib/engine/scores.ts); a sentence that gives nothing to judge (a name, 「田中様」, a bare noun
 * phrase) has no score and does not pull the mean.
 *
 * The score starts from the sentence's ending — the strongest signal of Japanese register — and moves
 * with what the sentence holds:
 *
 *   ending   polite / request 0.72 · である 0.45 · plain 0.15 · noun / fragment 0.5 (only with cues)
 *   + keigo  尊敬語 / 謙譲語 +0.15 (then +0.05 each), 丁重語 (いたす, おる, ござる) +0.1,
 *            美化語 お/ご +0.03 each, business words (誠に, 少々, 弊社 …) +0.05 each
 *   − casual contractions (ちゃう, てる, じゃん), casual final particles on a plain or noun ending
 *            (よ, ね, な, わ, の), the でしょ tag, familiar pronouns (俺, 君), fillers (うん, ほら),
 *            colloquial って, conversational words (ちょっと, すごく, やっぱり)
 *
 * Weights are round numbers chosen from the grammar, then checked against the KeiCO and CoCoA-MT
 * corpora (`npm run eval`); they are not fitted row by row.
 */
import data from '../../../dictionaries/ja/register.json';
import { endingOf, type JaEnding } from './ending';
import { keigoMarks, type KeigoForm, type KeigoMark } from './keigo';
import {
  isCasualContraction,
  isCasualInterjection,
  isColloquialParticle,
  isFamiliarPronoun,
  isHonorificPrefix,
  isPrefixedNoun,
} from './predicates';
import type { JaRegister, JaRegisterCue, JaToken } from './types';

const FORMAL_WORDS = new Set<string>(data.formal);
const CASUAL_WORDS = new Set<string>(data.casual);

/**
 * The sentence-level labels: a sentence is 尊敬語 when it raises the other person's action with a
 * form that can only be honorific — a special honorific verb (いらっしゃる, おっしゃる, なさる,
 * 召し上がる), お/ご〜になる, ご〜なさる, an honorific noun (ご存じ, ご覧, お越し), the honorific request
 * お/ご〜ください, or れる/られる stacked on ご〜する / おる (ご利用される, おられる). It is 謙譲語 when
 * it lowers one's own action with a special humble verb or noun (申す, 申し上げる, 伺う, 参る, 存じる,
 * 承る, 賜る, 拝見, 頂戴), お/ご〜申し上げる or 〜させていただく.
 *
 * Lighter or ambiguous forms are keigo marks for detectors and formality, but not labels:
 * a bare 〜れる/られる (also passive and potential), お〜です (a state formula), お/ご〜する and いただく (so lexicalised in お願いします, ご迷惑をおかけします, いただきます
 * that readers and annotators hear them as polite rather than humble), いたす and おる (丁重語).
 */
const SONKEIGO_FORMS = new Set<KeigoForm>(['o-ni-naru', 'go-nasaru', 'honorific-verb', 'honorific-noun']);
const KENJOGO_FORMS = new Set<KeigoForm>(['o-moushiageru', 'humble-verb', 'humble-noun']);
/** Humble verbs that are so often plain politeness (いただきます) that they do not label a sentence. */
const WEAK_HUMBLE = new Set(['いただく', '頂く', '戴く', 'いただける', '頂ける']);

export function isSonkeigoMark(m: KeigoMark): boolean {
  // お〜ください is the request form of 尊敬語 お〜くださる (文化審議会「敬語の指針」); an honorific
  // れる/られる stacked on お/ご〜する or おる (ご利用される, おられる) is meant as 尊敬語 too — a
  // misuse the keigo-direction detector corrects, but it raises the other person all the same.
  if (m.form === 'o-kudasai') return true;
  if (m.stackedReru && (m.form === 'o-suru' || m.form === 'oru')) return true;
  return SONKEIGO_FORMS.has(m.form);
}

export function isKenjogoMark(m: KeigoMark): boolean {
  return KENJOGO_FORMS.has(m.form) && !(m.form === 'humble-verb' && WEAK_HUMBLE.has(m.lexeme));
}

const BASE: Record<JaEnding['kind'], number> = {
  polite: 0.72,
  request: 0.72,
  dearu: 0.45,
  plain: 0.15,
  noun: 0.5,
  interjection: 0.5,
  none: 0.5,
};

function keigoWeight(m: KeigoMark): number {
  if (m.type === 'teichogo') return 0.1;
  if (m.form === 'te-kudasaru') return 0.05;
  return 0.15;
}

const CASUAL_CAP = -0.4;

/** お〜ください / 〜てください: a request formula (くださる in the imperative), not a raised act. */
function isRequestFormula(tokens: readonly JaToken[], m: KeigoMark): boolean {
  if (m.form !== 'o-kudasai' && m.form !== 'te-kudasaru') return false;
  const next = tokens[m.to];
  if (next && next.baseForm === 'ます') return next.conjugatedForm.startsWith('命令'); // くださいませ
  return tokens[m.to - 1]!.conjugatedForm.startsWith('命令');
}

/** Conjunctive particles after which a new clause starts (〜ますが、〜ので、〜けど). */
const CLAUSE_CONJUNCTIONS = new Set(['が', 'けど', 'けれど', 'けれども', 'ので', 'から', 'し', 'のに']);
const COMMA = /^[、，,…‥]+$|^\.{2,}$/;

export interface ClauseEvidence {
  /** Clauses before the last that end politely (〜ませんが、〜ですので、〜ました、). */
  polite: number;
  /** Clauses before the last that end in a finite plain form spliced on with a comma or けど (〜ない、〜だけど). */
  plain: number;
}

/**
 * Register evidence from the clauses inside a sentence. Spoken and chat Japanese runs clauses
 * together with commas (「行ったことがあります、良いところではありません、…」), so the last clause
 * alone can miss the style. A plain clause before ので / から / が is the norm in polite writing
 * (「届かない場合は」「確認したところ」), so only a plain clause cut off by a comma or casual けど counts
 * as plain; a polite one counts wherever it is.
 */
export function clauseEvidence(tokens: readonly JaToken[]): ClauseEvidence {
  const evidence: ClauseEvidence = { polite: 0, plain: 0 };
  // The last word (not a symbol): computed once, so a sentence of many commas stays linear.
  let lastWord = tokens.length - 1;
  while (lastWord >= 0 && tokens[lastWord]!.pos === '記号') lastWord--;
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const isComma = t.pos === '記号' ? COMMA.test(t.surface) : COMMA.test(t.surface);
    const isConj = t.pos === '助詞' && t.posDetail1 === '接続助詞' && CLAUSE_CONJUNCTIONS.has(t.surface);
    if (!isComma && !isConj) continue;
    // The last clause is the sentence's own ending; only clauses followed by more words count.
    if (i >= lastWord) break;
    // The clause without its conjunction: 〜ないけど is judged on ない.
    const clause = tokens.slice(start, i);
    start = i + 1;
    if (clause.length === 0) continue;
    const e = endingOf(clause);
    if (e.kind === 'polite' || e.kind === 'request') evidence.polite++;
    else if ((e.kind === 'plain' || e.kind === 'dearu') && (isComma || t.surface === 'けど' || t.surface === 'けれど')) {
      const last = clause[e.to - 1];
      if (last && last.conjugatedForm === '基本形' && !e.trailing) evidence.plain++;
    }
  }
  return evidence;
}

/** Register and formality of a sentence from its tokens (ending and keigo computed if not given). */
export function registerOf(
  tokens: readonly JaToken[],
  ending: JaEnding = endingOf(tokens),
  keigo: readonly KeigoMark[] = keigoMarks(tokens),
): JaRegister {
  const cues: JaRegisterCue[] = [];
  const cue = (name: string, weight: number, t: { start: number; end: number }) =>
    cues.push({ cue: name, weight, start: t.start, end: t.end });

  // Keigo: the first of a kind weighs most, more of the same adds a little.
  const seen = new Map<string, number>();
  for (const m of keigo) {
    const kind = m.type;
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    const w = n === 0 ? keigoWeight(m) : 0.04;
    cue(`keigo:${m.form}`, w, m);
  }

  // Word cues, each token once.
  const inKeigo = new Uint8Array(tokens.length);
  for (const m of keigo) for (let k = m.from; k < m.to; k++) inKeigo[k] = 1;
  let bika = 0;
  let formalWords = 0;
  let casualSum = 0;
  const casualCue = (name: string, weight: number, t: JaToken) => {
    cue(name, weight, t);
    casualSum += weight;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!inKeigo[i] && (isHonorificPrefix(t) || isPrefixedNoun(t)) && bika < 2) {
      bika++;
      cue('bika', 0.03, t);
    }
    if (formalWords < 2 && (FORMAL_WORDS.has(t.surface) || FORMAL_WORDS.has(t.baseForm))) {
      formalWords++;
      cue(`formal:${t.surface}`, 0.05, t);
    }
    if (isCasualContraction(t)) casualCue(`contraction:${t.surface}`, -0.12, t);
    else if (isFamiliarPronoun(t)) casualCue(`pronoun:${t.surface}`, -0.1, t);
    else if (isCasualInterjection(t)) casualCue(`interjection:${t.surface}`, -0.08, t);
    else if (isColloquialParticle(t)) casualCue(`particle:${t.surface}`, -0.06, t);
    else if (CASUAL_WORDS.has(t.surface) || (t.pos !== '名詞' && CASUAL_WORDS.has(t.baseForm))) casualCue(`casual:${t.surface}`, -0.06, t);
  }

  // The ending.
  const kind = ending.kind;
  const politeEnd = kind === 'polite' || kind === 'request';
  const clauses = clauseEvidence(tokens);
  if (ending.casual && !politeEnd && !(ending.trailing && clauses.polite > 0)) {
    const last = tokens[tokens.length - 1];
    if (last) casualCue(`ending:${ending.particles.join('') || ending.trailing || 'casual'}`, -0.1, last);
  } else if (politeEnd && ending.particles.includes('よ')) {
    cue('ending:polite-yo', -0.02, tokens[tokens.length - 1]!);
  }

  const sonkeigo = keigo.some(isSonkeigoMark);
  // A sentence is 謙譲語 when its main predicate is humble (「伺います」「存じます」), and it does not
  // also raise the customer's act: 「ご検討なさる方がよいかと存じます」 is about the customer, so
  // its label is 尊敬語 (the request formulas お〜ください and 〜てください raise nothing).
  const raises = keigo.some((m) => m.type === 'sonkeigo' && !isRequestFormula(tokens, m));
  // In a casual sentence a humble word is jocular or idiomatic (お流れ頂戴するよ, ほとほと参ったよ),
  // not 謙譲語 register; honorifics in casual speech (お見えになったの？) still raise someone.
  const casualFrame = casualSum < 0 && !politeEnd;
  const kenjogo = !raises && !casualFrame && keigo.some((m) => isKenjogoMark(m) && m.to >= ending.head);
  const polite = politeEnd;
  const plain = kind === 'plain' || kind === 'dearu';
  const dearu = kind === 'dearu';
  const casual = casualFrame;

  const decisive = polite || plain;
  let base = BASE[kind];
  // An afterthought in the te-form after a polite clause (「堪えていただけますか、この私に免じて」)
  // leaves the sentence in the style of that clause.
  const afterthought = plain && (ending.trailing === 'て' || ending.trailing === 'で') && clauses.polite > 0 && clauses.plain === 0;
  if (afterthought) {
    base = BASE.polite - 0.1;
  } else if (decisive) {
    base += 0.04 * Math.min(2, clauses.polite) - 0.04 * Math.min(2, clauses.plain);
  } else if (clauses.polite > 0 || clauses.plain > 0) {
    base = clauses.plain === 0 ? BASE.polite - 0.04 : clauses.polite === 0 ? BASE.plain + 0.05 : 0.45;
  }
  const judged = decisive || cues.length > 0 || clauses.polite + clauses.plain > 0;
  let formality: number | undefined;
  if (judged) {
    let f = base;
    let casualTotal = 0;
    for (const c of cues) {
      if (c.weight < 0) casualTotal += c.weight;
      else f += c.weight;
    }
    f += Math.max(CASUAL_CAP, casualTotal);
    formality = Math.round(Math.min(1, Math.max(0, f)) * 1000) / 1000;
  }
  return { polite, plain, dearu, sonkeigo, kenjogo, casual, formality, cues };
}
