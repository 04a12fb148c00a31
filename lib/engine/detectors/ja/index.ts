/** Japanese detectors, in the order they run. A meta-test checks every file here is listed. */
import type { Detector } from '../../detector';
import missingApology from './missing-apology';
import missingCause from './missing-cause';

export const jaDetectors: Detector[] = [missingApology, missingCause];
