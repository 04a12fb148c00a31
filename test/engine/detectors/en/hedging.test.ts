import detector from '../../../../lib/engine/detectors/en/hedging';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: 'I think the update fixed it.', why: 'one mild hedge is fine' },
    { text: 'What kind of plan are you on?', why: '"kind of" after "what" is literal' },
    { text: 'The update fixed it, and your data is safe.' },
    { text: 'This sort of error usually means the cache is stale.', why: '"this sort of" is literal' },
    { text: 'You might see a short delay while the refund clears.', why: 'a single modal is not a hedge stack' },
    { text: 'Perhaps the simplest option is to restart the app.', why: 'one mild hedge' },
  ],
  invalid: [
    {
      text: 'I think maybe the update fixed it.',
      findings: [{ message: 'hedge', span: 'I think maybe' }],
      output: 'The update fixed it.',
    },
    {
      // The fix once ended inside the emoji, leaving a lone \ud83d (issue 14).
      text: 'I think maybe 😅 the update fixed it.',
      findings: [{ message: 'hedge', span: 'I think maybe' }],
      output: '😅 the update fixed it.',
    },
    {
      text: "It's sort of a known issue with Safari.",
      findings: [{ message: 'hedge', span: 'sort of' }],
      output: "It's a known issue with Safari.",
    },
    {
      text: 'Hi Jane, I just wanted to let you know the refund went through.',
      findings: [{ message: 'hedge', span: 'I just wanted to' }],
      output: 'Hi Jane, I wanted to let you know the refund went through.',
    },
    {
      text: 'I think the update probably fixed it.',
      findings: [
        { message: 'stacked', span: 'I think', data: { count: 2 } },
        { message: 'stacked', span: 'probably', data: { count: 2 } },
      ],
      output: 'The update probably fixed it.',
    },
    {
      text: 'The sync works now, kind of.',
      findings: [{ message: 'hedge', span: 'kind of' }],
      output: 'The sync works now.',
    },
    {
      text: 'Maybe it might possibly be the cache.',
      findings: [
        { message: 'stacked', span: 'Maybe', data: { count: 2 } },
        { message: 'hedge', span: 'might possibly' },
      ],
      output: 'It might possibly be the cache.',
    },
  ],
});
