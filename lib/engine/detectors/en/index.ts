/** English detectors, in the order they run. A meta-test checks every file here is listed. */
import type { Detector } from '../../detector';
import coldPhrase from './cold-phrase';
import missingEmpathy from './missing-empathy';
import missingGreeting from './missing-greeting';

export const enDetectors: Detector[] = [missingGreeting, missingEmpathy, coldPhrase];
