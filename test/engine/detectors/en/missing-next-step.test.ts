import detector from '../../../../lib/engine/detectors/en/missing-next-step';
import { testDetector } from '../../../helpers/detector-tester';

const NEXT = "Here's what happens next: I'll keep working on this and update you within one business day.";

testDetector(detector, {
  valid: [
    { text: "Hi Jane, I'm sorry the package is late. I've sent a replacement by express." },
    { text: "Hi Jane, sorry about the double charge — I've refunded it, and you'll see it in 3–5 days." },
    { text: 'Hi Jane, sorry the app crashed. Please try signing in again now; the fix is live.' },
    { text: 'Hi Jane, your invoice is attached.', why: 'no problem reported: nothing to remedy' },
    { text: 'Sorry for the trouble with the export. As a workaround, download the CSV from the Reports tab.' },
    {
      text: 'Hi Jane,\nThanks for flagging the broken link. I will update the article by Friday.\n\nBest,\nSam',
      why: 'a dated next step',
    },
    {
      text: 'Unfortunately we will not be able to refund this order.',
      context: { customerMessage: 'My order arrived damaged.' },
      why: 'a refusal with no way forward is en/refusal-without-alternative’s finding (one finding per defect)',
    },
    {
      text: "Hi Jane, the charge can't be reversed. This is a known issue with our billing system.",
      why: 'a refusal: en/refusal-without-alternative’s finding; a refused remedy is not a next step either way',
    },
    {
      text: 'Hi Carla,\nSo sorry your order is late. The replacement will arrive by Friday at 8 p.m.',
      context: { customerMessage: 'My order still has not arrived.' },
      why: 'a dated remedy: the case is scheduled',
    },
    {
      text: 'Hi Diane,\nSo sorry about the leak. A technician will visit on Thursday, December 10, between 1 and 5 p.m. to secure the clamp.\n\nBest regards,\nFelix',
      context: { customerMessage: 'My new dishwasher leaked all over my kitchen floor.' },
      why: 'any action promised with a date is a next step, whatever the verb',
    },
    {
      text: "Hey Derek,\nSorry about that! I went ahead and lifted the ban, and your bundle items are all still there.\n\nCheers,\nZoe",
      context: { customerMessage: 'My account got banned for cheating. I never cheated.' },
      why: 'a remedy done, with the subject left out after "and": the case is resolved',
    },
    {
      text: "Hi Alex,\nOur engineers are looking into the missing scores. In the meantime, we've attached a signed score report your employer can accept.\n\nBest,\nLearnLoop Support",
      context: { customerMessage: 'My quiz scores disappeared from my transcript.' },
      why: 'a workaround offered meanwhile is a next step',
    },
    {
      text: "Hi Jane,\nSorry the sync stopped. We'll look into it and send you a fixed build.\n\nBest,\nSam",
      context: { customerMessage: 'The sync stopped working yesterday.' },
      why: 'a concrete promise after a vague one in the same sentence',
    },
  ],
  invalid: [
    {
      text: "Hi Greg,\n\nSorry to hear the thermostat is acting up.\n\nWe'll look into it and get back to you.\n\nThanks,\nThe Thermia Team",
      context: { customerMessage: 'My thermostat keeps resetting to 62 degrees every night.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Greg,\n\nSorry to hear the thermostat is acting up.\n\nWe'll look into it and get back to you. ${NEXT}\n\nThanks,\nThe Thermia Team`,
    },
    {
      text: "Hi Sarah,\n\nI'm sorry for the disruption. Our engineering team is investigating the outage. We'll share more information as soon as we have it.\n\nBest,\nOlivia",
      context: { customerMessage: 'Your dashboard has been down all morning. When will it be back?' },
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Sarah,\n\nI'm sorry for the disruption. Our engineering team is investigating the outage. We'll share more information as soon as we have it. ${NEXT}\n\nBest,\nOlivia`,
    },
    {
      text: "Hi Jane, I'm sorry your package is late. We are looking into it.",
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jane, I'm sorry your package is late. We are looking into it. ${NEXT}`,
    },
    {
      text: 'Hi Jane,\nSorry about the login error.\n\nBest regards,\nSam',
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jane,\nSorry about the login error. ${NEXT}\n\nBest regards,\nSam`,
    },
    {
      text: 'Thanks for your patience.\nThe delay is caused by high demand.\nCheers!',
      findings: [{ message: 'missing', span: '' }],
      output: `Thanks for your patience.\nThe delay is caused by high demand. ${NEXT}\nCheers!`,
    },
    {
      text: "Hi Jake,\n\nI'm sorry the sync stopped. We've passed this to our engineering team.\n\nWarmly,\nAlex",
      context: { customerMessage: 'The sync stopped working yesterday.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jake,\n\nI'm sorry the sync stopped. We've passed this to our engineering team. ${NEXT}\n\nWarmly,\nAlex`,
    },
    {
      text: "Hi Jake,\n\nI'm sorry the sync stopped. We are looking into it.\n\nOnward,\nAlex Kim\nSenior Support Engineer",
      context: { customerMessage: 'The sync stopped working yesterday.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jake,\n\nI'm sorry the sync stopped. We are looking into it. ${NEXT}\n\nOnward,\nAlex Kim\nSenior Support Engineer`,
    },
    {
      text: 'Hello,\n\nYour package has been delayed. We are looking into it.\n\nRegards,\nAcme Support',
      context: { customerMessage: 'My package is 2 weeks late.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Hello,\n\nYour package has been delayed. We are looking into it. ${NEXT}\n\nRegards,\nAcme Support`,
    },
  ],
});
