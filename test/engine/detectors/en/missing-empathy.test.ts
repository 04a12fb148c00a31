import detector from '../../../../lib/engine/detectors/en/missing-empathy';
import { testDetector } from '../../../helpers/detector-tester';

const EMPATHY = "I'm sorry this happened — I know how frustrating that must be.";

testDetector(detector, {
  valid: [
    { text: "Hi Amanda,\n\nThanks for checking in, and for your patience while we reviewed it. Good news: we approved your claim for Biscuit's emergency visit this morning.\n\nBest,\nSam", context: { customerMessage: "Any update on my claim for Biscuit's ER visit? It's been two weeks." }, why: 'the wait acknowledged, named, and ended (h29en-07)' },
    { text: "Hello Ms. Brennan,\n\nThank you for flagging this, and I apologize for the trouble. You're right: your ACH payment arrived well before the due date. I've removed the $312.50 fee.\n\nBest regards,\nRaymond", context: { customerMessage: 'We received a late fee of $312.50 on invoice INV-20931. We paid that invoice by ACH ten days before it was due. Please remove it and confirm.' }, why: 'a personal apology and "you\'re right" acknowledge the customer (h24en-08)' },
    { text: "Hi there,\n\nThanks for reaching out. Here's the fastest route: bring form MV-38 and the $20 fee to any DMV office. By mail it takes 10 to 14 business days, so it won't arrive by Saturday.\n\nDMV Customer Contact Center", context: { customerMessage: 'need duplicate title asap selling car sat how long does it take' }, why: 'a hurried question, no problem (h20en-05)' },
    { text: "Thanks for reaching out. A bill more than double what you're used to is a shock, especially this time of year, so I took a close look.", context: { customerMessage: "My December electric bill is $340. It's usually around $150. I can't afford this right before the holidays." }, why: 'the shock validated (h21en-29)' },
    { text: "I love that you're trying to get this to your mom in time, and I wish I could make it happen. Our fastest option arrives December 26.", context: { customerMessage: 'I need the e-reader delivered to my mom by Christmas Eve. I will pay whatever for shipping.' }, why: 'I wish I could (h21en-07)' },
    { text: "I know that's the last thing you need right before a visit. Good news: you're unlocked now.", context: { customerMessage: "I'm locked out of the patient portal and my appointment is in 45 minutes. Help!" }, why: 'the last thing you need (h18en-04)' },
    { text: "Congratulations on the move. I know it's a pain to deal with a membership from far away. I've attached the form.", context: { customerMessage: 'I need to cancel my membership, but the website keeps telling me to come in person.' }, why: 'I know + a burden (h17en-08)' },
    { text: "Hi Keisha,\n\nThanks for checking in. I know the waiting is the hardest part. They expect to decide by Wednesday.\n\nDaniel", context: { customerMessage: "Any news? It's been 10 days since my final interview." }, why: 'h11en-10' },
    { text: "Hi Mrs. Castillo,\n\nA bill seven times your usual amount would alarm anyone, and I'm glad you flagged it. I've issued a corrected bill.\n\nBest,\nNicole", context: { customerMessage: 'My water bill is $412. Please fix this.' }, why: 'a reaction validated (h10en-15)' },
    { text: "Hi Daniel,\n\nHaving finance locked out during close is a real problem, so here's where we are. The fix ships Tuesday.\n\nRahul", context: { customerMessage: 'Our SAML logins fail. This is blocking our finance team.' }, why: 'a trouble called real (h10en-13)' },
    { text: "Hi Ms. Okafor,\n\nThanks for flagging this right away. I know a trust balance that looks off is a serious worry for a firm, so I checked it first thing. The retainer is there; the report shows this month only.\n\nBest,\nAaron", context: { customerMessage: 'Your trust accounting report is wrong. This is a compliance issue for us — please fix it immediately.' }, why: 'understanding a feeling, in other words than the phrase list (h7en-09)' },
    {
      text: "Hi Pat,\n\nThanks for reaching out. Your line will close on December 18. There's no early termination fee on your plan.\n\nJenna",
      context: { customerMessage: 'cancel my line' },
      why: '"there\'s no fee" is good news, not a failure',
    },
    {
      text: "Hi Angela,\n\nAn unfamiliar $612 charge is alarming, and I want you to know we're taking it seriously. I opened a dispute this morning.\n\nTessa",
      context: { customerMessage: "There's a $612 charge from a hotel I've never stayed at. I need this fixed." },
      why: 'naming the feeling is empathy',
    },
    {
      text: "Hi Dana,\n\nThank you for taking the time to write this. Technicians mostly hear from us when something goes wrong, so a message like yours means a lot.\n\nPriya",
      context: { customerMessage: 'The technician who came Tuesday, Luis, was fantastic. Wanted you to know.' },
      why: 'praise is thanks; "when something goes wrong" reports nothing',
    },
    {
      text: "Hi Mr. Patel,\n\nGo to Gradebook, click the student's quiz score and choose Allow new attempt.\n\nJamie",
      context: { customerMessage: "How do I reset a student's quiz attempt? One student's browser crashed mid-quiz." },
      why: 'a calm how-to question wants the steps',
    },
    {
      text: "Hi Raj,\n\nThanks for the fast report, and sorry prod is down. Cause: a migration locked a table. I'll post here by 10:30 UTC.\n\nMei",
      context: { customerMessage: 'api 500s since 9am. prod down. need eta' },
      why: '"sorry prod is down" is empathy',
    },
    {
      text: "Hi Sophie,\n\nBeing locked out an hour before a client meeting is stressful. Let's get you back in.\n\nI've cleared the lockout.",
      context: { customerMessage: "I'm locked out after too many password attempts and I have a client presentation in an hour. Help!" },
      why: 'naming the feeling is empathy',
    },
    { text: "Hi Jane, I'm sorry your package is late. I've sent a replacement that arrives Friday." },
    { text: 'Hi Jane, I can imagine how annoying the login error was. It is fixed now.' },
    { text: 'Hi Jane, your invoice is attached. Let me know if you need anything else.', why: 'no problem reported: nothing to empathise with' },
    {
      text: 'Hi Jane, your invoice for March is attached.',
      context: { customerMessage: 'Could you send me the March invoice?' },
      why: 'the customer asks for something; no problem',
    },
    { text: 'That must be frustrating — the crash is fixed in version 2.3, which is live now.' },
    { text: 'Hi Jane,\nSorry to hear the app keeps crashing. Version 2.3 fixes it.', why: '"sorry to hear" is empathy' },
  ],
  invalid: [
    // A calm question that asks us to put something right is a problem like any other (h32en-19).
    {
      text: 'Dear Ms. Whitfield,\n\nWe have reviewed your account and approved a one-time courtesy refund of $105. The credit will post within 2 business days.\n\nSincerely,\nCustomer Care Team',
      context: { customerMessage: 'I got hit with three $35 overdraft fees in one day because my paycheck deposit was a day late. Can you refund them?' },
      findings: [{ message: 'missing', span: '' }],
    },
    {
      text: "Hi Mr. Alvarez,\n\nThank you for your email. Our crew repaired the pothole on November 30.\n\nRegards,\nRosa Jimenez",
      context: { customerMessage: "I've reported this pothole FOUR times. My tire blew out on it last week. Does anyone there read these?" },
      findings: [{ message: 'missing', span: '' }],
    },
    {
      text: 'Hi Steve,\n\nThank you for contacting Summit Mobile. Promotional pricing on your plan ended after 12 months.\n\nRegards,\nJenna Cole',
      context: { customerMessage: 'Why did my bill go up $15? Nobody told me about this.' },
      findings: [{ message: 'missing', span: '' }],
    },
    {
      text: "Hi Steven,\n\nThanks for reaching out about order #OK-55102. The chairs are now scheduled for delivery on Monday, December 14.\n\nKyle",
      context: { customerMessage: "It's been six weeks. You told me four. Where is my order #OK-55102?" },
      findings: [{ message: 'missing', span: '' }],
    },
    {
      text: 'Hello Ms. Reyes,\n\nA replacement for the two damaged chairs has been scheduled. Delivery will take place within 7–10 business days.\n\nRegards,\nFulfillment Team',
      context: { customerMessage: 'The dining chairs arrived today and two of them have split legs. We have family coming for Christmas.' },
      findings: [{ message: 'missing', span: '' }],
    },
    {
      text: "Hi Alan,\n\nThe package shows as delivered on the carrier's site.\n\nRegards,\nSupport",
      context: { customerMessage: "Tracking says delivered but there's nothing at my door." },
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Alan,\n\n${EMPATHY} The package shows as delivered on the carrier's site.\n\nRegards,\nSupport`,
    },
    {
      text: 'Hi Jane,\nThe package was delayed at the depot. It will arrive on Friday.',
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jane,\n${EMPATHY} The package was delayed at the depot. It will arrive on Friday.`,
    },
    {
      text: 'Hi Jane, thanks for reaching out. I checked your account and reset the password.',
      context: { customerMessage: "I can't log in to my account since yesterday!" },
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jane, thanks for reaching out. ${EMPATHY} I checked your account and reset the password.`,
    },
    {
      text: 'We apologize for any inconvenience. The error is fixed in version 2.3.',
      findings: [{ message: 'missing', span: '' }],
      output: `${EMPATHY} We apologize for any inconvenience. The error is fixed in version 2.3.`,
    },
    {
      text: 'Hello,\n\nYour order was damaged in transit; a replacement ships today.\n\nBest regards,\nSam',
      findings: [{ message: 'missing', span: '' }],
      output: `Hello,\n\n${EMPATHY} Your order was damaged in transit; a replacement ships today.\n\nBest regards,\nSam`,
    },
    {
      text: 'Hi Jane!',
      context: { customerMessage: 'You charged me twice for the same order.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jane! ${EMPATHY}`,
    },
  ],
});
