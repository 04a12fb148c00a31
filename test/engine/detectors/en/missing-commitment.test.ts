import detector from '../../../../lib/engine/detectors/en/missing-commitment';
import { testDetector } from '../../../helpers/detector-tester';

const COMMIT = 'We will contact you again within 24 hours with an update.';

testDetector(detector, {
  valid: [
    { text: "Hi Ms. Alvarez,\n\nThanks for reaching out. There's a setting made for exactly this.\n\nHere's how to turn it on:\n1. Open the Arcadia Family app.\n2. Tap your son's profile, then Spending.\n3. Switch on \"Ask before buying.\"\n\nBest,\nPriya", context: { customerMessage: 'My 10-year-old keeps buying skins with the card saved on our family account. Is there a way to make him ask me first?' }, why: 'a calm how-to answered with the steps owes no later contact (h26en-02)' },
    { text: 'We sincerely apologize for the delay. We will contact you again within 24 hours.' },
    { text: 'We apologize for the error. I will update you by Friday.' },
    { text: 'We will email you tomorrow at 10 a.m. JST with the results.' },
    { text: 'Dear Mr. Tanaka,\nThank you for your order. The invoice is attached.', why: 'no problem, no promise needed' },
    { text: 'We apologize for the outage. We will send you a report in 2 business days.' },
    {
      text: 'We will get back to you soon. We will also update you by 5 p.m. today.',
      why: 'one dated commitment is enough; the vague one is covered',
    },
    {
      text: 'Dear Mr. Ito,\n\nWe sincerely apologize for the double charge. This was caused by a temporary error in our payment system. We have already refunded the duplicate charge.\n\nBest regards,\nSarah Johnson',
      context: { customerMessage: 'I was charged twice.' },
      why: 'the case is resolved: nothing left to promise',
    },
    {
      text: 'Dear Mr. Tanaka,\n\nWe sincerely apologize for the damaged item. We have sent a replacement today, and it will arrive by June 12.\n\nBest regards,\nEmily Clark',
      context: { customerMessage: 'My order arrived damaged.' },
      why: 'a dated remedy is a commitment',
    },
    {
      text: 'Dear Ms. Sato,\n\nThank you very much for letting us know. We are glad to hear that everything is working properly.\n\nBest regards,\nDavid Moore',
      context: { customerMessage: 'Thank you, the problem is solved and everything works without any issue.' },
      why: 'a thank-you: "the problem is solved", "without any issue" report no problem',
    },
    {
      text: "Hi Tom,\n\nI'm sorry — we're rolling back a failed update now. I'll personally update you by 1 p.m. ET.\n\nSam",
      context: { market: 'us', customerMessage: "Your app has been down all morning. We can't process orders." },
      why: 'US: a dated update',
    },
  ],
  invalid: [
    {
      text: "Hi Tyrone,\n\nI'm really sorry — a number of players lost the reward in yesterday's update. We're looking into what went wrong.\n\nBest,\nJamie",
      context: { market: 'us', customerMessage: 'I completed the winter event yesterday but never got the legendary reward.' },
      findings: [{ message: 'missing', span: '' }],
    },
    {
      text: "Hi Greg,\n\nThanks for reaching out, and sorry to hear the thermostat is acting up.\n\nWe'll look into it and get back to you.\n\nThanks,\nThe Thermia Team",
      context: { market: 'us', customerMessage: 'My smart thermostat keeps resetting to 62 degrees every night.' },
      findings: [{ message: 'undated', span: 'get back to you' }],
    },
    {
      text: "Hi Erin,\n\nThanks for flagging this, and I'm sorry for the worry. We'll get back to you once we know more.\n\nBest,\nMia",
      context: { market: 'us', customerMessage: "Our dashboard shows zero visitors since Monday, that can't be right." },
      findings: [{ message: 'undated', span: 'get back to you' }],
      output: "Hi Erin,\n\nThanks for flagging this, and I'm sorry for the worry. We'll get back to you within 24 hours once we know more.\n\nBest,\nMia",
    },
    {
      text: 'We sincerely apologize for the delay. We are checking with the courier.',
      findings: [{ message: 'missing', span: '' }],
      output: `We sincerely apologize for the delay. We are checking with the courier. ${COMMIT}`,
    },
    {
      text: 'We apologize for the error. We will get back to you soon.',
      findings: [{ message: 'vague', span: 'soon', data: { replacement: 'within 24 hours' } }],
      output: 'We apologize for the error. We will get back to you within 24 hours.',
    },
    {
      text: 'We will let you know as soon as possible.',
      context: { customerMessage: 'The app shows an error every time I log in.' },
      findings: [{ message: 'vague', span: 'as soon as possible' }],
      output: 'We will let you know within 24 hours.',
    },
    {
      text: 'We are investigating the problem and will get back to you.',
      findings: [{ message: 'undated', span: 'get back to you', data: { addition: 'within 24 hours' } }],
      output: 'We are investigating the problem and will get back to you within 24 hours.',
    },
    {
      text: 'Dear Ms. Sato,\n\nWe apologize for the billing error.\n\nBest regards,\nSam Lee',
      findings: [{ message: 'missing', span: '' }],
      output: `Dear Ms. Sato,\n\nWe apologize for the billing error. ${COMMIT}\n\nBest regards,\nSam Lee`,
    },
  ],
});
