import detector from '../../../../lib/engine/detectors/en/missing-owner';
import { testDetector } from '../../../helpers/detector-tester';

const sam = { agentName: 'Sam Lee' };

testDetector(detector, {
  valid: [
    { text: 'The replacement ships today.', context: { market: 'jp', agentName: 'Sam Lee', customerMessage: 'The item arrived broken.' }, why: 'a dated remedy: the case is scheduled, no owner is asked for' },
    { text: 'We apologize for the delay.\n\nBest regards,\nMarcus Lee\nBilling Support', why: 'signed by a person, agent name unknown' },
    { text: 'We apologize for the delay. My name is Sam Lee, and I will handle your case.' },
    { text: 'We apologize for the delay. I will be your point of contact until this is resolved.' },
    { text: 'We apologize for the delay.\n\nBest regards,\nSam Lee', context: sam, why: 'signed by the agent' },
    { text: 'We apologize for the delay.\n\nBest regards,\nSam', context: sam, why: 'signed with the agent’s first name' },
    { text: 'Dear Mr. Tanaka,\nThe invoice is attached.', why: 'no problem: no case to own' },
    { text: 'We apologize for the error. Please contact me directly at sam@example.com.' },
    {
      text: 'Dear Ms. Yamada,\n\nWe sincerely apologize for the inconvenience. We have issued a new key, which we will send to you tomorrow by 10 a.m. JST.\n\nBest regards,\nSupport Team',
      context: { customerMessage: 'The software license key does not work.' },
      why: 'a dated remedy: the case is scheduled, no owner demanded',
    },
    {
      text: 'We apologize for the delay. I will update you by Friday.',
      context: { customerMessage: 'My order is late.' },
      why: '"I will" owns it',
    },
    {
      text: "Hi Jake,\n\nI'm sorry the sync stopped. I'm looking into it with our engineers now.\n\nBest,\nSam",
      context: { market: 'us', customerMessage: 'The sync between my phone and laptop stopped working yesterday.' },
      why: 'US: the writer says "I" and signs with a name',
    },
    {
      text: "Hi Jake,\n\nI'm sorry the sync stopped. I'm looking into it with our engineers now.",
      context: { market: 'us', customerMessage: 'The sync between my phone and laptop stopped working yesterday.' },
      why: 'US: the writer says "I"; no sign-off typed (the helpdesk may add the signature)',
    },
    {
      text: 'Hi Greg,\n\nOur team is looking into the overcharge.\n\nBest,\nLinda',
      context: { market: 'us', customerMessage: 'Can you tell me about my bill?' },
      why: 'US: a plain question has no case to own',
    },
  ],
  invalid: [
    // "Guest Relations" is a team, not a person (h28en-29).
    {
      text: "Hi Stephanie,\n\nI'm sorry you've had to follow up again.\n\nWe're reviewing your receipt for the other hotel so we can reimburse you. Someone from our team will be in touch soon.\n\nThanks for your patience,\nGuest Relations\nBayview Hotels",
      context: { market: 'us', customerMessage: 'Second email about this. Your hotel lost my reservation. Still no refund. Who is actually handling this?' },
      findings: [{ message: 'unnamed', span: 'Someone from our team', level: 'info' }],
    },
    {
      text: "Hi Samir,\n\nOur network team found that the equipment serving your street overloads in the evening. They're replacing it on Wednesday, June 18. Someone from our team will check your line on Thursday morning.\n\nThanks,\nLinkFiber Support",
      context: { market: 'us', customerMessage: 'This is my fourth email about my internet dropping every evening. Every time I get a different person.' },
      findings: [{ message: 'unnamed', span: 'Someone from our team', level: 'info' }],
    },
    {
      text: "Hi Jake,\n\nI'm sorry the sync stopped. I'm looking into it with our engineers now.\n\nBest,\nSupport Team",
      context: { market: 'us', customerMessage: 'The sync between my phone and laptop stopped working yesterday.' },
      findings: [{ message: 'anonymous', span: 'Support Team' }],
    },
    {
      text: "Hi Angela,\n\nI'm so sorry. I've reached out to our dispatch team to find out where your shipment is.\n\nBest regards,\nCustomer Care Team",
      context: { market: 'us', customerMessage: 'My belongings were supposed to arrive on the 18th. Nobody can tell me where the truck is.' },
      findings: [{ message: 'anonymous', span: 'Customer Care Team' }],
    },
    {
      text: "Hi Melissa,\n\nI'm sorry — a water main broke on Ridge Road last night. Our crews are on site now.\n\nBest,\nCustomer Service Team\nRidgeview Water Utility",
      context: { market: 'us', customerMessage: "There's been no water pressure on our street since last night. Is anyone working on this?" },
      findings: [{ message: 'missing', span: '' }],
    },
    {
      text: "Hi Jake,\n\nI'm sorry the sync stopped — that's frustrating. We've passed this to our engineering team and they are looking into it.\n\nBest,\nSupport Team",
      context: { market: 'us', customerMessage: 'The sync between my phone and laptop stopped working yesterday.' },
      findings: [{ message: 'handoff', span: 'passed' }],
      output: "Hi Jake,\n\nI'm sorry the sync stopped — that's frustrating. We've passed this to our engineering team and they are looking into it. I'm staying on this personally and will update you within one business day.\n\nBest,\nSupport Team",
    },
    {
      text: 'We apologize for the delay. Our team is looking into it.',
      context: sam,
      findings: [{ message: 'missing', span: '' }],
      output: 'We apologize for the delay. Our team is looking into it. My name is Sam Lee, and I will personally handle your case until it is resolved.',
    },
    {
      text: 'We apologize for the delay. Our team is looking into it.',
      findings: [{ message: 'missing', span: '' }],
      output:
        'We apologize for the delay. Our team is looking into it. I will personally handle your case until it is resolved; please contact me directly with any questions.',
    },
    {
      text: 'Dear Ms. Sato,\n\nWe apologize for the billing error.\n\nBest regards,\nAcme Support',
      context: sam,
      findings: [{ message: 'missing', span: '' }],
      output:
        'Dear Ms. Sato,\n\nWe apologize for the billing error. My name is Sam Lee, and I will personally handle your case until it is resolved.\n\nBest regards,\nAcme Support',
    },
    {
      text: 'We are looking into a replacement.',
      context: { ...sam, customerMessage: 'The item arrived broken.' },
      findings: [{ message: 'missing', span: '' }],
      output: 'We are looking into a replacement. My name is Sam Lee, and I will personally handle your case until it is resolved.',
    },
    {
      text: 'We apologize for the error. Samantha from billing will contact you.',
      context: sam,
      findings: [{ message: 'missing', span: '' }],
      output:
        'We apologize for the error. Samantha from billing will contact you. My name is Sam Lee, and I will personally handle your case until it is resolved.',
    },
  ],
});
