/** English detectors, in the order they run. A meta-test checks every file here is listed. */
import type { Detector } from '../../detector';
import blamesCustomer from './blames-customer';
import casualRegister from './casual-register';
import chatRegister from './chat-register';
import coldPhrase from './cold-phrase';
import dismissiveLanguage from './dismissive-language';
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
import refusalWithoutAlternative from './refusal-without-alternative';

export const enDetectors: Detector[] = [
  // US customers
  missingGreeting,
  missingEmpathy,
  missingNextStep,
  coldPhrase,
  dismissiveLanguage,
  blamesCustomer,
  refusalWithoutAlternative,
  casualRegister,
  passiveOwnership,
  overApology,
  hedging,
  // both markets
  longSentence,
  missingCommitment,
  missingOwner,
  // English written for Japanese customers
  chatRegister,
  missingApologyFormal,
  missingCause,
  firstNameFamiliarity,
];
