/**
 * ja/keigo-direction — keigo pointed the wrong way. 尊敬語 raises the customer's actions, 謙譲語
 * lowers one's own; swapping them insults the customer or flatters oneself:
 *
 * - a humble verb made "honorific" for the customer: 申される → おっしゃる, 参られる → いらっしゃる,
 *   拝見される → ご覧になる, ご利用される → ご利用になる;
 * - a humble form in a request to the customer: 拝見してください → ご覧ください,
 *   伺ってください → お尋ねください, ご確認してください → ご確認ください;
 * - humble potential for the customer's action: ご利用できます → ご利用いただけます;
 * - a humble verb before the customer's favour (〜ていただく / 〜てくださる): 拝見していただけますか →
 *   ご覧いただけますか, ご確認していただけますか → ご確認いただけますか;
 * - お/ご + a humble stem: ご拝見ください → ご覧ください;
 * - 尊敬語 for one's own side: 私がいらっしゃいます → 参ります, 弊社がご説明なさいます →
 *   ご説明いたします, 私がご覧になりました → 拝見しました, and in reported speech
 *   担当者がおっしゃっていました → 申していました; a humble verb made "honorific" for our own side
 *   (担当の佐藤が申されたとおり) loses the られ rather than becoming おっしゃる.
 *
 * Our own side is the subject when a self word (私, 弊社, 当社, 担当(者), 私ども …), 〇〇部の者, 担当の +
 * a name, or the agent's surname stands before は/が/から/より …; the customer's side (ご担当者様,
 * 御社の担当者, 〇〇様) never is. When the subject is unclear nothing is said about 尊敬語.
 */
import data from '../../../../dictionaries/ja/keigo.json';
import { conjugateVerb, formBefore } from '../../../lang/ja/conjugate';
import type { JaToken, KeigoMark } from '../../../lang/ja/types';
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';
import type { JaSentenceEntry } from '../../document';
import { tokenRewriteFindings } from '../../token-rewrite';
import { agentSurname } from '../../case/ja';

interface Mapping {
  verb: string;
  type: string;
  request?: string;
}

const TO_HONORIFIC = new Map<string, Mapping>(Object.entries(data.humbleToHonorific.verbs));
const TO_HUMBLE = new Map<string, Mapping>(Object.entries(data.honorificToHumble.verbs));
const CUSTOMER_ACTIONS = new Set(data.customerActions.stems);
const SELF = new Set(data.selfMarkers.words);
const SELF_PARTICLES = new Set(data.selfMarkers.particles);
const SELF_SUFFIXES = new Set(data.selfMarkers.suffixes);
const OWN_STAFF = new Set(data.selfMarkers.ownStaff);
const ROLES = new Set(data.selfMarkers.roles);
const HUMBLE_STEMS = new Map<string, string>(Object.entries(data.humbleStems.stems));
const RECEIVING = new Set(['いただく', '頂く', '戴く', 'いただける', '頂ける', 'くださる', '下さる']);
const OTHER_SIDE = new Set(['御社', '貴社', 'お客様', '先方', 'そちら', '貴店']);
const HONORIFIC_SUFFIX = (t: JaToken | undefined) => !!t && (t.surface === '様' || t.surface === 'さま' || t.surface === '殿' || t.surface === 'さん');

type Message = 'humbleForCustomer' | 'humbleCustomerAct' | 'humbleRequest' | 'humbleFavour' | 'humbleStem' | 'humblePotential' | 'honorificForSelf';

interface Rewrite {
  from: number;
  to: number;
  text: string;
  message: Message;
  /** A second fix (ご利用される → 利用される as well as ご利用になる). */
  alternative?: string;
  /** A tip, not an error: reported at info and never holding Send. */
  mild?: boolean;
}

const surfaces = (tokens: readonly JaToken[], from: number, to: number) =>
  tokens
    .slice(from, to)
    .map((t) => t.surface)
    .join('');

const TE = (t: JaToken | undefined) => !!t && t.pos === '助詞' && (t.surface === 'て' || t.surface === 'で');
const KUDASAI = (t: JaToken | undefined) => !!t && (t.baseForm === 'くださる' || t.baseForm === '下さる');

/** 申される / 拝見される / ご利用される / いたされる → the honorific verb. */
function humbleMadeHonorific(tokens: readonly JaToken[], m: KeigoMark, ownSide: boolean): Rewrite | undefined {
  const reru = m.reruIndex!;
  const form = formBefore(tokens[reru + 1]);
  if (ownSide) {
    // 担当の佐藤が申されたとおり: humble is right for our own side; the honorific られ is what is wrong.
    const verb = tokens[reru - 1]!;
    const text = conjugateVerb(verb.baseForm, verb.conjugatedType, form);
    return text ? { from: m.from, to: reru + 1, text: surfaces(tokens, m.from, reru - 1) + text, message: 'honorificForSelf' } : undefined;
  }
  if (m.form === 'o-suru') {
    // ご利用される → ご利用になる (or 利用される)
    const naru = conjugateVerb('なる', '五段・ラ行', form);
    if (!naru) return undefined;
    const stem = surfaces(tokens, m.from, m.to - 1);
    return {
      from: m.from,
      to: reru + 1,
      text: `${stem}に${naru}`,
      message: 'humbleForCustomer',
      alternative: stem.replace(/^[おご御]/, '') + surfaces(tokens, m.to - 1, reru + 1),
      // ご利用される / お休みされる: style guides call it improper (humble お/ご〜する made honorific), but it
      // is everywhere in business mail and meant as respect — a tip. 申される / 拝見される stay errors.
      mild: true,
    };
  }
  // 申し上げられません is the potential of an 一段 humble verb (I cannot say), not an honorific; nor is
  // 承れない (IPADIC cuts the potential 承れる into 承 + れる: the verb is then not in its 未然形).
  if (tokens[m.from]!.conjugatedType === '一段') return undefined;
  const verb = tokens[reru - 1];
  if (verb && verb.pos === '動詞' && !verb.conjugatedForm.startsWith('未然')) return undefined;
  const map = TO_HONORIFIC.get(m.lexeme);
  if (!map || !map.type) return undefined;
  const text = conjugateVerb(map.verb, map.type, form);
  return text ? { from: m.from, to: reru + 1, text, message: 'humbleForCustomer' } : undefined;
}

/**
 * 拝見してください / 伺ってください / ご確認してください → the honorific request; before the
 * customer's favour (〜ていただく, 〜てくださる) the humble verb is the customer's act as well:
 * 拝見していただけますか → ご覧いただけますか, ご確認していただけますか → ご確認いただけますか.
 */
function humbleRequest(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  let k = m.to;
  if (!TE(tokens[k])) {
    // ご確認ください written as ご確認してください needs the て; a bare humble verb + ください is not a form.
    if (!KUDASAI(tokens[k])) return undefined;
  } else k++;
  const next = tokens[k];
  if (!next) return undefined;
  const request = KUDASAI(next) && (next.conjugatedForm.startsWith('命令') || tokens[k + 1]?.baseForm === 'ます' && next.conjugatedForm.startsWith('連用') && tokens[k + 2]?.surface !== 'た');
  const favour = !request && RECEIVING.has(next.baseForm) && next.pos === '動詞' && TE(tokens[k - 1]);
  if (!request && !favour) return undefined;
  if (m.form === 'o-suru' || m.form === 'o-itasu') {
    // ご確認してください → ご確認ください; ご確認していただけますか → ご確認いただけますか
    const stem = surfaces(tokens, m.from, m.to - 1);
    return request
      ? { from: m.from, to: k + 1, text: `${stem}${next.surface}`, message: 'humbleRequest' }
      : { from: m.from, to: k, text: stem, message: 'humbleFavour' };
  }
  const map = TO_HONORIFIC.get(m.lexeme);
  if (!map?.request) return undefined;
  if (request) {
    const text = next.surface === 'ください' ? map.request : map.request.replace(/ください$/, next.surface);
    return { from: m.from, to: k + 1, text, message: 'humbleRequest' };
  }
  // 拝見して|いただけ → ご覧|いただけ; 申して|いただけ → おっしゃって|いただけ
  return { from: m.from, to: k, text: map.request.replace(/ください$/, ''), message: 'humbleFavour' };
}

/** ご拝見ください / ご拝見いただけますか / お伺いになる → the honorific stem (ご覧, お尋ね). */
function humbleStem(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  if (m.form !== 'o-kudasai' && m.form !== 'o-itadaku' && m.form !== 'o-ni-naru' && m.form !== 'go-nasaru') return undefined;
  const right = HUMBLE_STEMS.get(m.lexeme);
  if (!right) return undefined;
  // The whole frame is the finding (ご拝見ください → ご覧ください, ご拝見になる → ご覧になる).
  const stemTo = tokens[m.from]!.pos === '接頭詞' ? m.from + 2 : m.from + 1;
  return { from: m.from, to: m.to, text: right + surfaces(tokens, stemTo, m.to), message: 'humbleStem' };
}

/** ご利用できます → ご利用いただけます (the customer's action). */
function humblePotential(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  if (!CUSTOMER_ACTIONS.has(m.lexeme)) return undefined;
  const dekiru = tokens[m.to - 1]!;
  const text = conjugateVerb('いただける', '一段', dekiru.conjugatedForm.startsWith('未然') ? '未然形' : formBefore(tokens[m.to]));
  return text ? { from: m.to - 1, to: m.to, text, message: 'humblePotential' } : undefined;
}

/** Whether tokens[i] opens a noun phrase of the customer's side (ご担当者, 御社の…). */
function otherSideBefore(tokens: readonly JaToken[], i: number): boolean {
  const p = tokens[i - 1];
  if (!p) return false;
  if (p.pos === '接頭詞') return true; // ご担当者様, 御担当
  // 御社の担当者, 先方の担当: the staff of someone else (弊社の担当者 stays ours).
  if (p.surface === 'の') {
    const owner = tokens[i - 2];
    return !!owner && !SELF.has(owner.surface);
  }
  return OTHER_SIDE.has(p.surface);
}

/**
 * Where our own side's noun phrase starting at i ends (the index of its particle), or -1:
 * 私が, 担当者が (担当 + 者), 私どもでは, 担当の佐藤が, 私 佐藤が, サポート部の者が, 佐藤より (the agent).
 */
function selfPhraseEnd(tokens: readonly JaToken[], i: number, surname: string | undefined): number {
  const t = tokens[i]!;
  let k = -1;
  if (SELF.has(t.surface) && !otherSideBefore(tokens, i)) {
    k = i + 1;
    while (k < tokens.length && SELF_SUFFIXES.has(tokens[k]!.surface)) k++;
    // 担当の佐藤が, 私 佐藤が: a person's name after the self word.
    const n = tokens[k];
    if (n?.surface === 'の' && tokens[k + 1]?.posDetail1 === '固有名詞') k += 2;
    else if (n?.posDetail1 === '固有名詞' || (n?.pos === '記号' && n.posDetail1 === '空白' && tokens[k + 1]?.posDetail1 === '固有名詞')) {
      k += n.posDetail1 === '固有名詞' ? 1 : 2;
    }
  } else if (OWN_STAFF.has(t.surface) && tokens[i - 1]?.surface === 'の' && t.pos === '名詞') {
    k = i + 1; // サポート部の者が, 係の者より
  } else if (ROLES.has(t.surface) && tokens[i + 1]?.surface === 'の' && tokens[i + 2]?.posDetail1 === '固有名詞' && !otherSideBefore(tokens, i)) {
    k = i + 3; // 院長の三宅が, 店長の斉藤より: our own staff by position and surname
  } else if (surname && t.surface === surname && t.posDetail1 === '固有名詞' && !otherSideBefore(tokens, i)) {
    k = i + 1; // the agent's own surname: 佐藤よりご連絡いたします
  }
  if (k < 0 || HONORIFIC_SUFFIX(tokens[k])) return -1;
  const particle = tokens[k];
  return particle && particle.pos === '助詞' && SELF_PARTICLES.has(particle.surface) ? k : -1;
}

/** The first token after which one's own side is the subject (私が, 弊社では, 担当者から), or -1. */
function selfSubject(tokens: readonly JaToken[], surname: string | undefined): number {
  for (let i = 0; i < tokens.length - 1; i++) {
    const k = selfPhraseEnd(tokens, i, surname);
    if (k >= 0) return k;
  }
  return -1;
}

/**
 * One's own subject does not reach the predicate: the customer is named in between
 * (私がお客様のおっしゃる…), or another predicate closes the subject's clause first
 * (私がしました理由をご存じですか, 私は自信がありますので、ご心配なさらず).
 */
function subjectInterrupted(tokens: readonly JaToken[], from: number, to: number): boolean {
  let quoted = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    // Reported speech: 担当者が「明日届きます」とおっしゃって… — the quote's own predicates do not close the clause.
    if (t.surface === '「' || t.surface === '『') quoted++;
    else if ((t.surface === '」' || t.surface === '』') && quoted > 0) {
      quoted--;
      continue;
    }
    if (quoted > 0) continue;
    if (t.surface === '様' || t.surface === 'さま' || t.surface.endsWith('様') || t.surface === '御社' || t.surface === '貴社') return true;
    if (t.pos === '動詞' || t.pos === '助動詞') {
      const n = tokens[k + 1];
      if (n && (n.pos === '名詞' || n.pos === '記号' || (n.pos === '助詞' && n.posDetail1 === '接続助詞' && n.surface !== 'て'))) return true;
    }
  }
  return false;
}

/** The customer's side as a noun phrase ending at tokens[k] (お客様, 田中様, 御社, 貴社). */
const CUSTOMER_NOUN = (t: JaToken | undefined) =>
  !!t && (t.surface === 'お客様' || t.surface === 'お客さま' || t.surface === '御社' || t.surface === '貴社' || t.surface === '様' || t.surface === 'さま');
const CUSTOMER_PARTICLES = new Set(['は', 'が', 'も']);

/** A predicate that closes a clause (〜した資料, 〜ので, 〜。): a subject before it does not reach past it. */
function closesClause(tokens: readonly JaToken[], k: number): boolean {
  const t = tokens[k]!;
  if (t.pos !== '動詞' && t.pos !== '助動詞') return false;
  const n = tokens[k + 1];
  return !!n && (n.pos === '名詞' || n.pos === '記号' || (n.pos === '助詞' && n.posDetail1 === '接続助詞' && n.surface !== 'て'));
}

/**
 * Whether the nearest subject before tokens[from] in the same clause is the customer (お客様が, 田中様は):
 * 田中様が拝見した資料 — yes; 田中様がおっしゃった件を担当者が拝見しました — no (担当者 is nearer);
 * お客様からお預かりした — no (から marks the source, the act is ours).
 */
/** Humble verbs of receiving: their object is the customer's request, their subject always us. */
const RECEIVES_REQUEST = new Set(['承る', '拝受', '頂戴', '賜る']);

function customerSubject(tokens: readonly JaToken[], from: number, surname: string | undefined): boolean {
  for (let k = from - 1; k > 0; k--) {
    if (closesClause(tokens, k)) return false;
    const t = tokens[k]!;
    if (t.pos !== '助詞' || !SELF_PARTICLES.has(t.surface) && !CUSTOMER_PARTICLES.has(t.surface)) continue;
    for (let i = Math.max(0, k - 4); i < k; i++) if (selfPhraseEnd(tokens, i, surname) === k) return false;
    if (CUSTOMER_PARTICLES.has(t.surface) && CUSTOMER_NOUN(tokens[k - 1])) {
      // お客様は、先日お電話で申し上げたとおり…: a topic (は) reaches only the main predicate; an embedded
      // clause may have another, unspoken subject (we told them).
      if (t.surface !== 'は') return true;
      // ご購入から1年以内のお客様は14,960円で承ります: with a verb of receiving what the customer asks
      // (承る, 拝受する, 頂戴する), the topic is the one served; we receive.
      if (tokens.slice(from, from + 3).some((x) => RECEIVES_REQUEST.has(x.baseForm))) return false;
      for (let j = from; j < tokens.length - 1; j++) if (closesClause(tokens, j) && tokens[j + 1]!.pos !== '記号') return false;
      return true;
    }
  }
  return false;
}

/**
 * A humble act in a clause subordinate to a request of the customer: 資料を拝見して、ご連絡ください;
 * 内容を拝見した上で、お知らせください — the customer does both (拝見して → ご覧になって). Our own
 * subject anywhere before (私が拝見して…) or a request that is ours to make (〜させてください) leaves it.
 */
function beforeCustomerRequest(tokens: readonly JaToken[], m: KeigoMark): boolean {
  const n = tokens[m.to];
  const linked = TE(n) || (n?.baseForm === 'た' && tokens[m.to + 1]?.surface === '上' && tokens[m.to + 2]?.surface === 'で');
  if (!linked) return false;
  for (let k = m.to + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    // Another clause closes first (拝見して、ご連絡いたしますので、お待ちください), or our own humble act follows.
    if (isCausativeRequest(tokens, k)) return false;
    if (KUDASAI(t) && t.conjugatedForm.startsWith('命令')) return true;
    if ((t.pos === '記号' && t.posDetail1 === '句点') || closesClause(tokens, k) || t.baseForm === 'いたす' || t.baseForm === '致す') return false;
  }
  return false;
}

/** 〜させてください: asking leave for our own act. */
const isCausativeRequest = (tokens: readonly JaToken[], k: number) =>
  TE(tokens[k]) && (tokens[k - 1]?.baseForm === 'せる' || tokens[k - 1]?.baseForm === 'させる');

/** Humble verbs whose honorific counterpart is a plain swap (申す → おっしゃる, 拝見する → ご覧になる). */
const NOT_SWAPPED = new Set(['いただく', '頂く', '存じる', 'いたす', '致す']);

/** お客様が申した → おっしゃった; 田中様が拝見した → ご覧になった; お客様がご利用した → ご利用になった. */
function humbleCustomerAct(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  const form = formBefore(tokens[m.to]);
  if (m.form === 'o-suru') {
    const naru = conjugateVerb('なる', '五段・ラ行', form);
    return naru ? { from: m.from, to: m.to, text: `${surfaces(tokens, m.from, m.to - 1)}に${naru}`, message: 'humbleCustomerAct' } : undefined;
  }
  if (m.form !== 'humble-verb' && m.form !== 'humble-noun') return undefined;
  if (NOT_SWAPPED.has(m.lexeme)) return undefined;
  const map = TO_HONORIFIC.get(m.lexeme);
  if (!map?.type) return undefined;
  const text = conjugateVerb(map.verb, map.type, form);
  return text ? { from: m.from, to: m.to, text, message: 'humbleCustomerAct' } : undefined;
}

/** 私がいらっしゃいます → 参ります; ご説明なさいます → ご説明いたします; ご覧になりました → 拝見しました. */
function honorificForSelf(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  const last = tokens[m.to - 1]!;
  const form = formBefore(tokens[m.to]);
  if (m.form === 'honorific-verb') {
    const map = TO_HUMBLE.get(m.lexeme);
    const text = map && conjugateVerb(map.verb, map.type, form);
    return text ? { from: m.from, to: m.to, text, message: 'honorificForSelf' } : undefined;
  }
  if (m.form === 'go-nasaru') {
    const text = conjugateVerb('いたす', '五段・サ行', form);
    return text ? { from: m.from, to: m.to, text: surfaces(tokens, m.from, m.to - 1) + text, message: 'honorificForSelf' } : undefined;
  }
  if (m.form === 'o-ni-naru' && last.baseForm === 'なる') {
    const suru = conjugateVerb('する', 'サ変・スル', form);
    if (!suru) return undefined;
    if (m.lexeme === '覧') return { from: m.from, to: m.to, text: `拝見${suru}`, message: 'honorificForSelf' };
    // お送りになる → お送りする (drop に + なる)
    return { from: m.from, to: m.to, text: surfaces(tokens, m.from, m.to - 2) + suru, message: 'honorificForSelf' };
  }
  return undefined;
}

function rewrites(s: JaSentenceEntry, surname: string | undefined): Rewrite[] {
  const { tokens, keigo } = s.ja;
  const out: Rewrite[] = [];
  const self = selfSubject(tokens, surname);
  const ownSide = (m: KeigoMark) => self >= 0 && m.from > self && !subjectInterrupted(tokens, self, m.from);
  for (const m of keigo) {
    let r: Rewrite | undefined;
    if ((m.type === 'kenjogo' || m.form === 'itasu') && m.stackedReru) r = humbleMadeHonorific(tokens, m, ownSide(m));
    else if (m.form === 'o-dekiru') r = humblePotential(tokens, m);
    else if (m.type === 'kenjogo' && m.form !== 'sasete-itadaku' && m.form !== 'te-itadaku' && m.form !== 'o-itadaku') {
      r = humbleRequest(tokens, m);
      if (!r && (customerSubject(tokens, m.from, surname) || (self < 0 && beforeCustomerRequest(tokens, m)))) r = humbleCustomerAct(tokens, m);
    }
    // ご拝見ください: a humble stem in an honorific frame is wrong whoever the subject is.
    else r = humbleStem(tokens, m) ?? (m.type === 'sonkeigo' && ownSide(m) ? honorificForSelf(tokens, m) : undefined);
    if (r) out.push(r);
  }
  return out;
}

export default defineDetector({
  meta: {
    id: 'ja/keigo-direction',
    kind: 'honorific',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'Honorific (尊敬語) for the customer’s actions, humble (謙譲語) for your own — never the other way round.',
      ja: 'お客様の動作には尊敬語、自分（自社）の動作には謙譲語を使い、逆にしないようにします。',
    },
    messages: {
      humbleForCustomer: {
        en: '“{wrong}” is a humble verb made honorific; for the customer’s action use “{right}”.',
        ja: '「{wrong}」は謙譲語に尊敬の「れる・られる」を付けた誤用です。お客様の動作には「{right}」を使います。',
      },
      humbleCustomerAct: {
        en: '“{wrong}” is humble (謙譲語) for the customer’s own action; use the honorific “{right}”.',
        ja: '「{wrong}」はお客様の動作に謙譲語を使っています。尊敬語の「{right}」を使いましょう。',
      },
      humbleRequest: {
        en: '“{wrong}” asks the customer to act in humble language; write “{right}”.',
        ja: '「{wrong}」はお客様の動作に謙譲語を使っています。「{right}」としましょう。',
      },
      humbleFavour: {
        en: '“{wrong}” puts the customer’s action, done as a favour (〜ていただく / 〜てくださる), in humble language; write “{right}”.',
        ja: '「{wrong}」は、お客様にしていただく動作に謙譲語を使っています。「{right}」としましょう。',
      },
      humbleStem: {
        en: '“{wrong}” puts a humble word (拝見, 伺い) in an honorific frame for the customer; write “{right}”.',
        ja: '「{wrong}」は謙譲語（拝見・伺い）を尊敬の形に入れた誤用です。お客様の動作には「{right}」を使います。',
      },
      humblePotential: {
        en: '“{wrong}” is humble (ご〜できる) for the customer’s action; write “{right}”.',
        ja: '「{wrong}」（ご〜できる）は謙譲表現で、お客様の動作には使えません。「{right}」としましょう。',
      },
      honorificForSelf: {
        en: '“{wrong}” raises your own action with honorific language; use the humble “{right}”.',
        ja: '「{wrong}」は自分（自社）の動作に尊敬語を使っています。謙譲語の「{right}」を使いましょう。',
      },
      fix: { en: 'Write “{right}”', ja: '「{right}」に直す' },
      reason: {
        en: 'Keigo encodes who is raised and who is lowered. Humble words for the customer’s actions lower the customer; honorific words for one’s own actions raise oneself — both read as rude, and Japanese customers notice immediately.',
        ja: '敬語は、誰を高め誰がへりくだるかを表します。お客様の動作に謙譲語を使うとお客様を低めることになり、自分の動作に尊敬語を使うと自分を高めることになります。どちらも失礼にあたり、すぐに気付かれます。',
      },
    },
  },
  detect: ({ doc, context }) =>
    tokenRewriteFindings(doc, (s) =>
      rewrites(s, agentSurname(context.agentName)).map((r) => ({ from: r.from, to: r.to, message: r.message, right: r.alternative ? [r.text, r.alternative] : [r.text], ...(r.mild ? { mild: true } : {}) })),
    ),
});
