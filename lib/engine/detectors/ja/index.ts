/** Japanese detectors, in the order they run. A meta-test checks every file here is listed. */
import type { Detector } from '../../detector';
import customerAddress from './customer-address';
import doubleKeigo from './double-keigo';
import keigoDirection from './keigo-direction';
import missingApology from './missing-apology';
import missingCause from './missing-cause';
import plainEnding from './plain-ending';

export const jaDetectors: Detector[] = [missingApology, missingCause, plainEnding, customerAddress, doubleKeigo, keigoDirection];
