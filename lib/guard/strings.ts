/** The pre-send dialog's own words, in English and Japanese (finding labels are in ./decide.ts). */
import type { UiLang } from '../engine/types';

const SOURCES = {
  en: { managed: 'enterprise policy', url: 'subscribed pack', file: 'imported pack', builtin: 'Tonebridge default' },
  ja: { managed: '組織のポリシー', url: '購読中のパック', file: '読み込んだパック', builtin: 'Tonebridge の既定' },
} as const;

const strings = {
  en: {
    title: (market?: string) => (market ? `Before you send — ${market}` : 'Before you send'),
    intro: 'This reply may miss what the customer expects:',
    required: 'Required before sending',
    setBy: (name: string, source: string) => `Set by ${name} (${source})`,
    reasonLabel: (item: string) => `Reason for sending without: ${item}`,
    reasonPlaceholder: 'Type a reason',
    review: 'Review',
    sendAnyway: 'Send anyway',
    dismissAndSend: 'Dismiss with reason and send',
    dontAsk: 'Don’t ask again for this message',
    checking: 'Checking this reply before it is sent…',
    source: (s: string) => (SOURCES.en as Record<string, string>)[s] ?? s,
  },
  ja: {
    title: (market?: string) => (market ? `送信前の確認（${market}）` : '送信前の確認'),
    intro: 'お客様が期待する内容が不足している可能性があります：',
    required: '送信前に対応が必要です',
    setBy: (name: string, source: string) => `設定：${name}（${source}）`,
    reasonLabel: (item: string) => `対応せずに送信する理由：${item}`,
    reasonPlaceholder: '理由を入力',
    review: '見直す',
    sendAnyway: 'このまま送信',
    dismissAndSend: '理由を付けて送信',
    dontAsk: 'このメッセージでは今後確認しない',
    checking: '送信前に返信を確認しています…',
    source: (s: string) => (SOURCES.ja as Record<string, string>)[s] ?? s,
  },
} satisfies Record<UiLang, unknown>;

export type GuardStrings = (typeof strings)['en'];

export function guardStrings(lang: UiLang): GuardStrings {
  return strings[lang];
}
