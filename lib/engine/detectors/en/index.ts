/** English detectors, in the order they run. A meta-test checks every file here is listed. */
import type { Detector } from '../../detector';
import chatRegister from './chat-register';
import coldPhrase from './cold-phrase';
import firstNameFamiliarity from './first-name-familiarity';
import hedging from './hedging';
import longSentence from './long-sentence';
import missingApologyFormal from './missing-apology-formal';
import missingCause from './missing-cause';
import missingCommitment from './missing-commitment';
import missingEmpathy from './missing-empathy';
import missingGreeting from './missing-greeting';
import missingNextStep from './missing-next-step';
import missingOwner from './missing-owner';
import overApology from './over-apology';
import passiveOwnership from './passive-ownership';

export const enDetectors: Detector[] = [
  // US customers
  missingGreeting,
  missingEmpathy,
  missingNextStep,
  coldPhrase,
  passiveOwnership,
  overApology,
  hedging,
  // both markets
  longSentence,
  // English written for Japanese customers
  chatRegister,
  missingApologyFormal,
  missingCause,
  missingCommitment,
  missingOwner,
  firstNameFamiliarity,
];
