/**
 * The in-page UI's own words (badge, card), in English and Japanese. Finding messages, reasons and
 * fix labels come rendered from the background (lib/contract/messages.ts); these are the frame around them.
 */
import type { FindingKind, UiLang } from '../engine/types';

const strings = {
  en: {
    brand: 'Tonebridge',
    loading: 'Loading Japanese…',
    error: 'Tonebridge could not check this draft',
    retry: 'Try again',
    noFindings: 'No suggestions',
    findings: (n: number) => (n === 1 ? '1 suggestion' : `${n} suggestions`),
    badgeLabel: (market: string, n: number) => `Tonebridge: ${market}, ${n === 1 ? '1 suggestion' : `${n} suggestions`}. Open`,
    covered: 'covered',
    missing: 'missing',
    notNeeded: 'not needed',
    apology: 'Apology',
    cause: 'Cause',
    nextStep: 'Next step',
    keigo: 'Keigo',
    warmth: 'Warmth',
    why: 'Why',
    apply: 'Apply',
    dismiss: 'Dismiss for this message',
    close: 'Close',
    previous: 'Previous suggestion',
    next: 'Next suggestion',
    position: (i: number, n: number) => `${i} of ${n}`,
    applyFailed: 'The draft changed; the suggestion is being checked again.',
    level: { info: 'Tip', warn: 'Suggestion', block: 'Required' },
    kind: {
      apology: 'Apology',
      cause: 'Cause',
      honorific: 'Honorifics',
      politeness: 'Politeness',
      warmth: 'Warmth',
      remedy: 'Remedy',
      commitment: 'Commitment',
      ownership: 'Ownership',
      formality: 'Formality',
      clarity: 'Clarity',
      policy: 'Team policy',
    } satisfies Record<FindingKind, string>,
  },
  ja: {
    brand: 'Tonebridge',
    loading: '日本語辞書を読み込み中…',
    error: 'Tonebridge はこの下書きを確認できませんでした',
    retry: '再試行',
    noFindings: '指摘はありません',
    findings: (n: number) => `指摘 ${n} 件`,
    badgeLabel: (market: string, n: number) => `Tonebridge: ${market}、指摘 ${n} 件。開く`,
    covered: 'あり',
    missing: 'なし',
    notNeeded: '不要',
    apology: 'お詫び',
    cause: '原因',
    nextStep: '今後の対応',
    keigo: '敬語',
    warmth: '温かさ',
    why: '理由',
    apply: '適用',
    dismiss: 'このメッセージでは無視',
    close: '閉じる',
    previous: '前の指摘',
    next: '次の指摘',
    position: (i: number, n: number) => `${i} / ${n}`,
    applyFailed: '下書きが変更されたため、再確認しています。',
    level: { info: 'ヒント', warn: '提案', block: '必須' },
    kind: {
      apology: 'お詫び',
      cause: '原因',
      honorific: '敬語',
      politeness: '丁寧さ',
      warmth: '温かさ',
      remedy: '対応策',
      commitment: '約束',
      ownership: '担当',
      formality: '改まり',
      clarity: '明確さ',
      policy: 'チームの方針',
    } satisfies Record<FindingKind, string>,
  },
} as const;

export type UiStrings = (typeof strings)['en'] | (typeof strings)['ja'];

export function uiStrings(lang: UiLang): UiStrings {
  return strings[lang];
}

/** The page's guess before the background answers: the browser's language. */
export function guessUiLang(): UiLang {
  const lang = globalThis.navigator?.language ?? 'en';
  return lang.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
