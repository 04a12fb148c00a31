/** English detectors, in the order they run. A meta-test checks every file here is listed. */
import type { Detector } from '../../detector';
import coldPhrase from './cold-phrase';

export const enDetectors: Detector[] = [coldPhrase];
