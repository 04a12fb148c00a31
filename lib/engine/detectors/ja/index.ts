/** Japanese detectors, in the order they run. A meta-test checks every file here is listed. */
import type { Detector } from '../../detector';
import casualWording from './casual-wording';
import customerAddress from './customer-address';
import dismissiveLanguage from './dismissive-language';
import doubleKeigo from './double-keigo';
import blamesCustomer from './blames-customer';
import exclamation from './exclamation';
import keigoDirection from './keigo-direction';
import missingApology from './missing-apology';
import missingCause from './missing-cause';
import missingClosing from './missing-closing';
import missingCommitment from './missing-commitment';
import missingCushion from './missing-cushion';
import missingOwner from './missing-owner';
import mtCalque from './mt-calque';
import plainEnding from './plain-ending';
import raNuki from './ra-nuki';
import refusalWithoutAlternative from './refusal-without-alternative';

export const jaDetectors: Detector[] = [
  missingApology,
  missingCause,
  plainEnding,
  customerAddress,
  doubleKeigo,
  keigoDirection,
  raNuki,
  casualWording,
  missingCushion,
  missingCommitment,
  missingOwner,
  missingClosing,
  refusalWithoutAlternative,
  blamesCustomer,
  dismissiveLanguage,
  mtCalque,
  exclamation,
];
