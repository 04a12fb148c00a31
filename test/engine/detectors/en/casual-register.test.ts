import detector from '../../../../lib/engine/detectors/en/casual-register';
import { testDetector } from '../../../helpers/detector-tester';

const upset = { customerMessage: "This is the second time my replacement arrived broken. I'm really frustrated." };
const calmProblem = { customerMessage: 'I got charged for a plan I downgraded from last month.' };
const thanks = { customerMessage: 'Thanks so much, that fixed it!' };
const question = { customerMessage: 'Does the Pro plan include API access?' };

testDetector(detector, {
  valid: [
    { text: "I've sent your message to Karen Wu, RN, on Dr. Feldman's orthopedic team. Karen will call you within the next two hours.", why: 'a credential after a name (h29en-05)' },
    { text: 'Your refund went through today.\n\nTake care,\nDiane Feldman, RN', why: 'a credential in the signature is not chat speak (h23en-27)' },
    { text: 'Here is how to move your lesson: open My Lessons and tap Reschedule.\n\nHappy studying!\nLucía\nHabla Ya Language Studio', why: 'a word inside a proper name is not chat speak (h7en-05)' },
    { text: 'Awesome, glad it’s working, Jamie! 🎉 Have a great rest of your week.', context: thanks, why: 'a cheerful thank-you thread tolerates an emoji' },
    { text: 'Great question! Yes — Pro includes API access; turn it on under Settings.', context: question },
    { text: "I'm so sorry about the wait — your refund was processed today and should land within 3–5 business days.", context: upset },
    { text: 'Yep, Pro has API access 👍', context: question, why: 'friendly words and an emoji on a plain question pass' },
    { text: 'Your U.S. order ships from our U.K. warehouse.', context: question, why: '"U." of an abbreviation is not "u"' },
    { text: 'No worries at all — the refund went out today.', context: calmProblem, why: 'friendly words to a calm customer pass' },
    { text: 'Your FedEx AWB and the PDF invoice are attached.', context: calmProblem, why: 'two acronyms are not shouting' },
    { text: 'Go to Settings > API > NEW KEY to create one.', context: question, why: 'a button label in capitals is two words' },
    { text: 'Plan i3 includes the iOS app.', context: question, why: 'an "i" inside a name is not the pronoun' },
  ],
  invalid: [
    {
      text: 'hi jamie, i checked your account and i’ll send a new label today.',
      context: calmProblem,
      findings: [
        { message: 'chat', span: 'i' },
        { message: 'chat', span: 'i’ll' },
      ],
      output: 'hi jamie, I checked your account and i’ll send a new label today.',
    },
    {
      text: 'As I said, YOU NEED TO RESET THE ROUTER FIRST.',
      context: upset,
      findings: [{ message: 'shouting', span: 'YOU NEED TO RESET THE ROUTER FIRST' }],
      output: 'As I said, you need to reset the router first.',
    },
    {
      text: 'PLEASE DO NOT REPLY to this thread again.',
      context: calmProblem,
      findings: [{ message: 'shouting', span: 'PLEASE DO NOT REPLY' }],
      output: 'Please do not reply to this thread again.',
    },
    {
      text: "omg that's so annoying lol 😅 gonna send u another one asap",
      context: upset,
      findings: [
        { message: 'upsetSlangRemove', span: 'omg' },
        { message: 'upsetSlangRemove', span: 'lol' },
        { message: 'emoji', span: '😅' },
        { message: 'upsetSlang', span: 'gonna' },
        { message: 'upsetSlang', span: 'u' },
        { message: 'upsetSlang', span: 'asap' },
      ],
      output: "That's so annoying lol 😅 gonna send u another one asap",
    },
    {
      text: 'Hi Mike! 😊 So sorry about the wait!! Your refund was processed today.',
      context: { customerMessage: "I've been waiting 3 weeks for my refund. This is ridiculous." },
      findings: [
        { message: 'emoji', span: '😊' },
        { message: 'exclamation', span: '!!' },
      ],
      output: 'Hi Mike! So sorry about the wait!! Your refund was processed today.',
    },
    {
      text: 'Gonna refund u the difference today.',
      context: calmProblem,
      findings: [
        { message: 'chat', span: 'Gonna' },
        { message: 'chat', span: 'u' },
      ],
      output: 'Going to refund u the difference today.',
    },
    {
      text: 'hey! yep lol pro has api access, u just gotta turn it on in settings 👍',
      context: question,
      findings: [
        { message: 'chatRemove', span: 'lol' },
        { message: 'chat', span: 'u' },
        { message: 'chat', span: 'gotta' },
      ],
    },
  ],
});
