/**
 * Register of one Japanese sentence: plain (常体), polite (です/ます), である, 尊敬語 and 謙譲語, and a
 * formality score in [0, 1]: plain ≈ 0.1, である ≈ 0.35, polite ≈ 0.65, polite with keigo → 1.
 */
import {
  isHonorificVerb,
  isHumbleVerb,
  isPlainFormEnding,
  isPoliteAuxiliary,
  isPoliteEnding,
  lastPredicateIndex,
} from './predicates';
import type { JaRegister, JaToken } from './types';

export function registerOf(tokens: readonly JaToken[]): JaRegister {
  const polite = isPoliteEnding(tokens);
  const plain = !polite && isPlainFormEnding(tokens);
  const last = lastPredicateIndex(tokens);
  const dearu = plain && last >= 1 && tokens[last]!.baseForm === 'ある' && tokens[last - 1]!.surface === 'で';
  const sonkeigo = tokens.some(isHonorificVerb);
  const kenjogo = tokens.some(isHumbleVerb);
  const politeInside = tokens.some(isPoliteAuxiliary);
  let formality: number | undefined;
  if (polite) formality = sonkeigo || kenjogo ? 1 : 0.65;
  else if (dearu) formality = 0.35;
  else if (plain) formality = politeInside || sonkeigo || kenjogo ? 0.3 : 0.1;
  else if (politeInside || sonkeigo || kenjogo) formality = 0.7;
  return { polite, plain, dearu, sonkeigo, kenjogo, formality };
}
